import Foundation

/// Poisson arrivals: exponential gaps with mean 1 / rate, drawn from a seeded generator so a run repeats.
///
/// The first arrival comes one gap after the phase start. Gaps are summed, unlike the other schedules, because
/// each one is random; the sum is kept in seconds as a Double, so rounding to nanoseconds never accumulates.
public struct PoissonSchedule: ArrivalSchedule {
    public let rate: Rate
    public let phaseDuration: Duration
    private var generator: SplitMix64
    private var elapsed = 0.0
    /// Set once an arrival fell past the end: a later, shorter gap must not bring the schedule back to life.
    private var finished = false

    public init(rate: Rate, seed: UInt64, phaseDuration: Duration) {
        self.rate = rate
        self.phaseDuration = phaseDuration
        generator = SplitMix64(seed: seed)
    }

    public mutating func next() -> Duration? {
        guard rate.perSecond > 0, !finished else { return nil }
        // Inverse CDF of the exponential distribution; 1 - u lies in (0, 1], so the log is always finite.
        let gap = -log(1 - generator.nextUnitInterval()) / rate.perSecond
        let candidate = elapsed + gap
        guard let offset = ScheduleTime.offset(seconds: candidate, before: phaseDuration) else {
            finished = true
            return nil
        }
        elapsed = candidate
        return offset
    }
}
