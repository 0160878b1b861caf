/// Arrivals at a base rate, except inside each burst window [n·every, n·every + length) where the rate is
/// `burstRate`; the first window opens at the phase start.
///
/// Arrival k is due when the integral of the rate reaches k, so each window gets exactly burstRate × length
/// arrivals when that is a whole number.
public struct BurstSchedule: ArrivalSchedule {
    public let phaseDuration: Duration
    private let base: Double
    private let burstRate: Double
    private let period: Double
    private let burstLength: Double
    private var index = 0

    public init(base: Rate, every: Duration, length: Duration, burstRate: Rate, phaseDuration: Duration) {
        self.phaseDuration = phaseDuration
        self.base = max(0, base.perSecond)
        self.burstRate = max(0, burstRate.perSecond)
        period = max(0, every.seconds)
        burstLength = min(max(0, length.seconds), period)
    }

    public mutating func next() -> Duration? {
        guard let seconds = timeOfArrival(Double(index)),
            let offset = ScheduleTime.offset(seconds: seconds, before: phaseDuration)
        else { return nil }
        index += 1
        return offset
    }

    private func timeOfArrival(_ arrival: Double) -> Double? {
        guard period > 0 else {
            // No period means no windows: a plain base rate.
            return base > 0 ? arrival / base : nil
        }
        let inBurst = burstRate * burstLength
        let perPeriod = inBurst + base * (period - burstLength)
        guard perPeriod > 0 else { return nil }
        let periods = (arrival / perPeriod).rounded(.down)
        let owed = arrival - periods * perPeriod
        let periodStart = periods * period
        if owed < inBurst || base == 0 {
            return periodStart + owed / burstRate
        }
        return periodStart + burstLength + (owed - inBurst) / base
    }
}
