/// An open phase's schedule as one segment sends it: the full schedule's arrivals, every N-th of them from the
/// segment's index on. Each arrival keeps its intended time, so the segments' union is the full schedule.
public struct SegmentSchedule: ArrivalSchedule {
    private var full: any ArrivalSchedule
    private let segment: ExecutionSegment
    private var arrival = 0

    public init(_ full: any ArrivalSchedule, segment: ExecutionSegment) {
        self.full = full
        self.segment = segment
    }

    public mutating func next() -> Duration? {
        while let offset = full.next() {
            defer { arrival += 1 }
            if segment.owns(arrival: arrival) { return offset }
        }
        return nil
    }
}
