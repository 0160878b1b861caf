/// When each phase starts and ends, in monotonic nanoseconds shared by every event loop of the run.
public struct EngineTimeline: Sendable {
    public let runStart: UInt64
    /// Start of phase i; the last element is the end of the run.
    public let boundaries: [UInt64]

    init(runStart: UInt64, phaseDurations: [Duration]) {
        self.runStart = runStart
        var boundaries = [runStart]
        var at = runStart
        for duration in phaseDurations {
            at += UInt64(max(0, duration.nanoseconds))
            boundaries.append(at)
        }
        self.boundaries = boundaries
    }

    public var phaseCount: Int { boundaries.count - 1 }
    public var runEnd: UInt64 { boundaries[boundaries.count - 1] }

    public func start(of phase: Int) -> UInt64 { boundaries[phase] }
    public func end(of phase: Int) -> UInt64 { boundaries[phase + 1] }

    /// The phase running at `time`, or nil before the start and after the end.
    public func phase(at time: UInt64) -> Int? {
        guard time >= runStart, time < runEnd else { return nil }
        var index = 0
        while boundaries[index + 1] <= time { index += 1 }
        return index
    }
}
