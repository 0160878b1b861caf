import GRDB

/// One row of `events`: something that happened on the run's timeline (a fault injected, a model swapped, ...).
public struct EventRecord: Sendable, Equatable, Codable, FetchableRecord, TableRecord, EncodableRecord {
    public static let databaseTableName = "events"

    /// Milliseconds since the run started.
    public var atMs: Int64
    /// What sort of event: `phase`, `chaos`, `model`, `abort`, ... Features add their own kinds.
    public var kind: String
    public var name: String
    /// Free-form details, stored as a JSON object.
    public var detail: [String: String]
    /// How long it lasted, when it has a duration.
    public var durationMs: Int64?
    /// How it ended, e.g. `ok`, `failed`, `rolled_back`.
    public var outcome: String?

    enum CodingKeys: String, CodingKey {
        case atMs = "at_ms"
        case kind, name, detail
        case durationMs = "duration_ms"
        case outcome
    }

    public init(
        atMs: Int64, kind: String, name: String, detail: [String: String] = [:], durationMs: Int64? = nil, outcome: String? = nil
    ) {
        self.atMs = atMs
        self.kind = kind
        self.name = name
        self.detail = detail
        self.durationMs = durationMs
        self.outcome = outcome
    }
}
