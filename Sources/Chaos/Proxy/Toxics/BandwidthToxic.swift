import NIOCore

/// `bandwidth`: passes data at `rate` KB/s (1 KB = 1000 bytes, as Toxiproxy counts), in pieces of at most 100 ms
/// worth so a slow rate trickles instead of stalling. `rate` 0 means unlimited, as in Toxiproxy.
enum BandwidthToxic: ToxicKind {
    static let typeName = "bandwidth"
    static let defaults = ["rate": 0]

    static func problem(with attributes: [String: Int]) -> String? { nil }

    static func makeStage(attributes: [String: Int], random: SeededRandom) -> (any ToxicStage)? {
        BandwidthStage(bytesPerMillisecond: attributes["rate"] ?? 0)
    }
}

final class BandwidthStage: ToxicStage {
    /// KB/s is bytes per millisecond.
    private let rate: Int
    /// When the link is free to send again.
    private var nextFree = NIODeadline.uptimeNanoseconds(0)

    init(bytesPerMillisecond: Int) {
        rate = bytesPerMillisecond
    }

    func process(_ event: StreamEvent, at now: NIODeadline) -> [TimedEvent] {
        guard case .data(var buffer) = event, rate > 0 else { return [TimedEvent(event, due: max(now, nextFree))] }
        var pieces: [TimedEvent] = []
        let pieceLimit = rate * 100
        while buffer.readableBytes > 0 {
            let piece = buffer.readSlice(length: min(pieceLimit, buffer.readableBytes))!
            let sendTime = TimeAmount.nanoseconds(Int64(piece.readableBytes) * 1_000_000 / Int64(rate))
            nextFree = max(nextFree, now) + sendTime
            pieces.append(TimedEvent(.data(piece), due: nextFree))
        }
        return pieces
    }
}
