/// One loop's share of an open phase's arrivals: every `loopCount`-th due time of the phase's schedule, on the
/// engine's monotonic clock, handed out one at a time.
struct ArrivalPump {
    let phase: Int
    private var schedule: any ArrivalSchedule
    private let phaseStart: UInt64
    private let loopIndex: Int
    private let loopCount: Int
    private var index = 0
    /// When this loop's next arrival is due (monotonic ns); nil once the schedule is exhausted.
    private(set) var nextDue: UInt64?

    init(phase: Int, schedule: any ArrivalSchedule, phaseStart: UInt64, loopIndex: Int, loopCount: Int) {
        self.phase = phase
        self.schedule = schedule
        self.phaseStart = phaseStart
        self.loopIndex = loopIndex
        self.loopCount = max(1, loopCount)
        nextDue = nil
        nextDue = pull()
    }

    /// Moves past the arrival at `nextDue` (it has been sent).
    mutating func advance() { nextDue = pull() }

    private mutating func pull() -> UInt64? {
        while let offset = schedule.next() {
            let mine = index % loopCount == loopIndex
            index += 1
            if mine { return phaseStart + UInt64(max(0, offset.nanoseconds)) }
        }
        return nil
    }
}
