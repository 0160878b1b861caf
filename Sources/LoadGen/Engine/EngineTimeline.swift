/// When each phase starts and ends, in monotonic nanoseconds shared by every event loop of the run.
public struct EngineTimeline: Sendable {
    public let runStart: UInt64
    /// Start of phase i; the last element is the end of the run.
    public let boundaries: [UInt64]
    /// The first instant an arrival may go out: the run's start, or — when the engine started after it (a late
    /// `--start-at`) — the moment it did. Arrivals due earlier were missed and count as dropped, never as a burst.
    public let sendableFrom: UInt64

    init(runStart: UInt64, phaseDurations: [Duration], startedAt: UInt64? = nil) {
        self.runStart = runStart
        sendableFrom = max(runStart, startedAt ?? runStart)
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
    /// How late the engine started after the run's start (0 when on time).
    public var lateness: Duration { .nanoseconds(Int64(sendableFrom - runStart)) }

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
