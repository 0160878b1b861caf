/// Arrivals at a steady rate r: arrival k is due at k / r.
public struct ConstantRateSchedule: ArrivalSchedule {
    public let rate: Rate
    public let phaseDuration: Duration
    private var index = 0

    public init(rate: Rate, phaseDuration: Duration) {
        self.rate = rate
        self.phaseDuration = phaseDuration
    }

    public mutating func next() -> Duration? {
        guard rate.perSecond > 0 else { return nil }
        // Computed from the index, not by adding gaps, so rounding never accumulates over long phases.
        guard let offset = ScheduleTime.offset(seconds: Double(index) / rate.perSecond, before: phaseDuration) else {
            return nil
        }
        index += 1
        return offset
    }
}
