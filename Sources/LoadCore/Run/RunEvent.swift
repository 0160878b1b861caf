/// Something the run's core saw happen on the run's timeline (an abort, an interrupt); stored as an event row.
public struct RunEvent: Sendable, Equatable {
    /// Milliseconds since the schedule's start.
    public var atMs: Int64
    public var kind: String
    public var name: String
    public var detail: [String: String]
    public var outcome: String?

    public init(atMs: Int64, kind: String, name: String, detail: [String: String] = [:], outcome: String? = nil) {
        self.atMs = atMs
        self.kind = kind
        self.name = name
        self.detail = detail
        self.outcome = outcome
    }
}
