import GRDB

/// One row of `phases`: a phase of a run and when it ran, in ms since the run started.
public struct PhaseRecord: Sendable, Equatable, Codable, FetchableRecord, TableRecord, EncodableRecord {
    public static let databaseTableName = "phases"

    /// Position in the scenario, from 0.
    public var index: Int
    public var name: String
    /// The load model in words, e.g. `10/s open` or `20 users closed`.
    public var load: String
    public var startedAtMs: Int64
    /// Nil while the phase runs.
    public var endedAtMs: Int64?

    enum CodingKeys: String, CodingKey {
        case index = "idx"
        case name, load
        case startedAtMs = "started_at_ms"
        case endedAtMs = "ended_at_ms"
    }

    public init(index: Int, name: String, load: String, startedAtMs: Int64, endedAtMs: Int64? = nil) {
        self.index = index
        self.name = name
        self.load = load
        self.startedAtMs = startedAtMs
        self.endedAtMs = endedAtMs
    }
}
