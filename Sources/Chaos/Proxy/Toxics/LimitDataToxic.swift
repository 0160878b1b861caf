import NIOCore

/// `limit_data`: passes the first `bytes` bytes of the direction, then closes the connection.
enum LimitDataToxic: ToxicKind {
    static let typeName = "limit_data"
    static let defaults = ["bytes": 0]

    static func problem(with attributes: [String: Int]) -> String? { nil }

    static func makeStage(attributes: [String: Int], random: SeededRandom) -> (any ToxicStage)? {
        LimitDataStage(limit: attributes["bytes"] ?? 0)
    }
}

final class LimitDataStage: ToxicStage {
    private let limit: Int
    private var transmitted = 0

    init(limit: Int) {
        self.limit = limit
    }

    func adoptState(from previous: any ToxicStage) {
        if let previous = previous as? LimitDataStage { transmitted = previous.transmitted }
    }

    func process(_ event: StreamEvent, at now: NIODeadline) -> [TimedEvent] {
        guard case .data(var buffer) = event else { return [TimedEvent(event, due: now)] }
        let remaining = limit - transmitted
        guard remaining > 0 else { return [TimedEvent(.close, due: now)] }
        var out: [TimedEvent] = []
        if let allowed = buffer.readSlice(length: min(remaining, buffer.readableBytes)), allowed.readableBytes > 0 {
            transmitted += allowed.readableBytes
            out.append(TimedEvent(.data(allowed), due: now))
        }
        if transmitted >= limit { out.append(TimedEvent(.close, due: now)) }
        return out
    }
}
