import NIOCore

/// `latency`: delays every chunk by `latency` ms ± a uniform `jitter` ms, measured from when the chunk arrived (as
/// Toxiproxy does), so back-to-back chunks are not delayed twice. Order is kept even when jitter would swap them.
enum LatencyToxic: ToxicKind {
    static let typeName = "latency"
    static let defaults = ["latency": 0, "jitter": 0]

    static func problem(with attributes: [String: Int]) -> String? { nil }

    static func makeStage(attributes: [String: Int], random: SeededRandom) -> (any ToxicStage)? {
        LatencyStage(latency: attributes["latency"] ?? 0, jitter: attributes["jitter"] ?? 0, random: random)
    }
}

final class LatencyStage: ToxicStage {
    private let latency: Int
    private let jitter: Int
    private var random: SeededRandom
    private var lastDue = NIODeadline.uptimeNanoseconds(0)

    init(latency: Int, jitter: Int, random: SeededRandom) {
        self.latency = latency
        self.jitter = jitter
        self.random = random
    }

    func process(_ event: StreamEvent, at now: NIODeadline) -> [TimedEvent] {
        guard case .data = event else { return [TimedEvent(event, due: max(now, lastDue))] }
        let offset = jitter > 0 ? Int.random(in: -jitter...jitter, using: &random) : 0
        let delay = max(0, latency + offset)
        lastDue = max(lastDue, now + .milliseconds(Int64(delay)))
        return [TimedEvent(event, due: lastDue)]
    }
}
