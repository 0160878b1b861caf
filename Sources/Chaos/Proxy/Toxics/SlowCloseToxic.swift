import NIOCore

/// `slow_close`: holds back the close of the connection by `delay` ms after the sender finished; data passes as is.
enum SlowCloseToxic: ToxicKind {
    static let typeName = "slow_close"
    static let defaults = ["delay": 0]

    static func problem(with attributes: [String: Int]) -> String? { nil }

    static func makeStage(attributes: [String: Int], random: SeededRandom) -> (any ToxicStage)? {
        SlowCloseStage(delay: .milliseconds(Int64(attributes["delay"] ?? 0)))
    }
}

final class SlowCloseStage: ToxicStage {
    private let delay: TimeAmount

    init(delay: TimeAmount) {
        self.delay = delay
    }

    func process(_ event: StreamEvent, at now: NIODeadline) -> [TimedEvent] {
        switch event {
        case .data, .reset: [TimedEvent(event, due: now)]
        case .end, .close: [TimedEvent(event, due: now + delay)]
        }
    }
}
