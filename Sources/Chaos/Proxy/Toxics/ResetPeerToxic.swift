import NIOCore

/// `reset_peer`: when data first arrives, waits `timeout` ms and then resets the connection (TCP RST, by closing
/// with SO_LINGER 0) instead of closing it; the data is dropped, as in Toxiproxy.
enum ResetPeerToxic: ToxicKind {
    static let typeName = "reset_peer"
    static let defaults = ["timeout": 0]

    static func problem(with attributes: [String: Int]) -> String? { nil }

    static func makeStage(attributes: [String: Int], random: SeededRandom) -> (any ToxicStage)? {
        ResetPeerStage(timeout: .milliseconds(Int64(attributes["timeout"] ?? 0)))
    }
}

final class ResetPeerStage: ToxicStage {
    private let timeout: TimeAmount
    private var triggered = false

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func process(_ event: StreamEvent, at now: NIODeadline) -> [TimedEvent] {
        guard case .data = event else { return [TimedEvent(event, due: now)] }
        guard !triggered else { return [] }
        triggered = true
        return [TimedEvent(.reset, due: now + timeout, generated: true)]
    }
}
