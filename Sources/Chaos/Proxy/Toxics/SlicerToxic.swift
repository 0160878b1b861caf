import NIOCore

/// `slicer`: cuts each chunk into pieces of about `average_size` ± `size_variation` bytes, `delay` µs apart, as a
/// real network delivers a large write in several reads.
enum SlicerToxic: ToxicKind {
    static let typeName = "slicer"
    static let defaults = ["average_size": 0, "size_variation": 0, "delay": 0]

    static func problem(with attributes: [String: Int]) -> String? {
        let average = attributes["average_size"] ?? 0
        let variation = attributes["size_variation"] ?? 0
        if average < 1 { return "slicer needs average_size of at least 1 byte, e.g. 'average_size: 64'" }
        if variation >= average { return "slicer's size_variation (\(variation)) must be smaller than average_size (\(average))" }
        return nil
    }

    static func makeStage(attributes: [String: Int], random: SeededRandom) -> (any ToxicStage)? {
        SlicerStage(
            average: attributes["average_size"] ?? 1, variation: attributes["size_variation"] ?? 0,
            delay: .microseconds(Int64(attributes["delay"] ?? 0)), random: random)
    }
}

final class SlicerStage: ToxicStage {
    private let average: Int
    private let variation: Int
    private let delay: TimeAmount
    private var random: SeededRandom
    private var nextSlot = NIODeadline.uptimeNanoseconds(0)

    init(average: Int, variation: Int, delay: TimeAmount, random: SeededRandom) {
        self.average = max(1, average)
        self.variation = max(0, min(variation, average - 1))
        self.delay = delay
        self.random = random
    }

    func process(_ event: StreamEvent, at now: NIODeadline) -> [TimedEvent] {
        guard case .data(var buffer) = event else { return [TimedEvent(event, due: max(now, nextSlot))] }
        var pieces: [TimedEvent] = []
        nextSlot = max(nextSlot, now)
        while buffer.readableBytes > 0 {
            let size = variation > 0 ? average + Int.random(in: -variation...variation, using: &random) : average
            let piece = buffer.readSlice(length: min(max(1, size), buffer.readableBytes))!
            pieces.append(TimedEvent(.data(piece), due: nextSlot))
            nextSlot = nextSlot + delay
        }
        return pieces
    }
}
