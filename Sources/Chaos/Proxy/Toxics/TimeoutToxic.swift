import NIOCore

/// `timeout`: stops all data getting through (it is dropped, as in Toxiproxy) and closes the connection after
/// `timeout` ms; with `timeout` 0 the connection stays open and silent until the toxic is removed.
enum TimeoutToxic: ToxicKind {
    static let typeName = "timeout"
    static let defaults = ["timeout": 0]

    static func problem(with attributes: [String: Int]) -> String? { nil }

    static func makeStage(attributes: [String: Int], random: SeededRandom) -> (any ToxicStage)? {
        TimeoutStage(timeout: attributes["timeout"] ?? 0)
    }
}

final class TimeoutStage: ToxicStage {
    private let timeout: Int

    init(timeout: Int) {
        self.timeout = timeout
    }

    /// The clock starts when the toxic starts acting on the connection (when it opens, or when the toxic is added).
    func start(at now: NIODeadline) -> [TimedEvent] {
        guard timeout > 0 else { return [] }
        return [TimedEvent(.close, due: now + .milliseconds(Int64(timeout)), generated: true)]
    }

    func process(_ event: StreamEvent, at now: NIODeadline) -> [TimedEvent] {
        event.isTerminal ? [TimedEvent(event, due: now)] : []
    }
}
