/// `data:` one named feed of values for placeholders: a CSV file with a header row, or JSON lines (one object each),
/// and how rows are handed out — as Gatling's feeders and k6's SharedArray do.
public struct DataFeedSpec: Sendable, Equatable {
    /// How each request gets its row.
    public enum Mode: Sendable, Equatable {
        /// Row after row, starting over at the end.
        case sequential
        /// Any row, drawn from a generator seeded with `seed` (the same run draws the same rows).
        case random(seed: UInt64)
        /// Each row once; when none is left the load stops and the run fails, saying so.
        case unique
    }

    public var name: String
    /// Relative to the scenario file.
    public var file: String
    public var mode: Mode
    /// The fields of every row, from the CSV header or the first JSON line.
    public var fields: [String]

    public init(name: String, file: String, mode: Mode, fields: [String]) {
        self.name = name
        self.file = file
        self.mode = mode
        self.fields = fields
    }
}
