import Foundation
import Histogram
@testable import Reports

/// Seeded synthetic runs for the gate's statistics: per-second latency histograms drawn from a log-normal
/// distribution, each second's level drifting (AR(1)) as real seconds do, with optional errors.
struct GateSyntheticRun {
    var medianMs: Double = 20
    /// Spread of the log-normal within a second.
    var sigma: Double = 0.3
    /// Standard deviation of the per-second level, as a ratio (0.03 = seconds wander by ~3 %).
    var secondDrift: Double = 0.03
    var seconds: Int = 20
    var perSecond: Int = 50
    var errorRate: Double = 0
    /// Share of accepted responses whose content check failed (wrong answers).
    var checkFailureRate: Double = 0

    func samples(seed: UInt64) -> [SecondSample] {
        var random = SplitMix64(seed: seed)
        var level = 0.0
        return (0..<seconds).map { _ in
            // Neighbouring seconds are correlated: the level keeps 70 % of the previous second's offset.
            level = 0.7 * level + secondDrift * Self.normal(&random)
            var histogram = Histogram<UInt64>(
                lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
            var errors = 0
            var wrong = 0
            for _ in 0..<perSecond {
                let ms = medianMs * exp(level + sigma * Self.normal(&random))
                histogram.record(UInt64(max(1, ms * 1000)))
                if Double(random.next() % 1_000_000) / 1_000_000 < errorRate {
                    errors += 1
                } else if Double(random.next() % 1_000_000) / 1_000_000 < checkFailureRate {
                    wrong += 1
                }
            }
            let buckets = SecondSample.Bucket.of(histogram)
            let outcomes = OutcomeCounts(
                attempts: perSecond, completions: perSecond, errorStatuses: errors, endedWithoutResponse: 0, checkFailures: wrong)
            return SecondSample(outcomes: outcomes, latencies: buckets, attemptLatencies: buckets)
        }
    }

    /// `runs` runs of one build whose level drifts from run to run by `runDrift` (a ratio, log-normal): the noise
    /// between runs that resampling one run's seconds cannot see. `seed` picks the runs.
    func runsOfOneBuild(_ runs: Int, runDrift: Double, seed: UInt64) -> [[SecondSample]] {
        var random = SplitMix64(seed: seed ^ 0xD1F7)
        return (0..<runs).map { index in
            var run = self
            run.medianMs *= exp(runDrift * Self.normal(&random))
            return run.samples(seed: seed &* 31 &+ UInt64(index))
        }
    }

    /// Box–Muller.
    static func normal(_ random: inout SplitMix64) -> Double {
        let u1 = max(Double(random.next() >> 11) / Double(1 << 53), 1e-12)
        let u2 = Double(random.next() >> 11) / Double(1 << 53)
        return sqrt(-2 * log(u1)) * cos(2 * .pi * u2)
    }
}
