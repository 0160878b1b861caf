/// Why the results store could not be opened or used: what happened, to which file, and what to do about it.
public struct ResultsStoreError: Error, CustomStringConvertible, Sendable {
    /// The kinds of failure, bounded so callers can switch on them.
    public enum Kind: Sendable, Equatable {
        case cannotCreateDirectory
        case cannotOpen
        case notADatabase
        case newerSchema
        case migrationFailed
        case unknownRun
        case invalidTagName
    }

    public let kind: Kind
    /// The database file concerned.
    public let path: String
    /// What SQLite or the file system said.
    public let detail: String

    public init(kind: Kind, path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .cannotCreateDirectory:
            "Cannot create the directory for results database '\(path)': \(detail). Choose a writable location with --db."
        case .cannotOpen:
            "Cannot open results database '\(path)': \(detail). Check the path and its permissions, or choose another with --db."
        case .notADatabase:
            "'\(path)' is not a usable results database (\(detail)). Move it aside and run again to start a new one, or pass another file with --db."
        case .newerSchema:
            "Results database '\(path)' was written by a newer version of loadgen (\(detail)). Use that version, or another file with --db."
        case .migrationFailed:
            "Cannot update the schema of results database '\(path)': \(detail). Back the file up, then move it aside or pass another file with --db."
        case .unknownRun:
            "Results database '\(path)' has no run \(detail). List the stored runs and their tags with `loadgen runs`."
        case .invalidTagName:
            "Cannot use \(detail) as a tag name: a tag is 1-64 characters of letters, digits, '.', '_' or '-' and does not start with a digit or equal 'latest' (those name runs). Choose another name."
        }
    }
}
