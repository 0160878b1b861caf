import Testing

@testable import LoadCore

/// Recovery after a fault, on fixed per-second series: from the revert to the first of K good seconds.
struct FaultRecoveryTimerTests {
    private let thresholds: [Threshold] = [.errorRate(0.01), .latency(percentile: .p99, limit: .milliseconds(500))]

    private func second(_ n: Int, errors: Int = 0, p99: Int = 100, attempted: Int = 10) -> SecondSample {
        // Every response of the second at `p99` ms, so each of its percentiles reads `p99`.
        SecondSample(
            second: n, latencies: attempted > 0 ? [.init(valueUs: UInt64(p99) * 1000, count: UInt64(attempted))] : [],
            attempted: attempted, errors: errors)
    }

    @Test func recoveryEndsAtTheFirstOfKGoodSeconds() {
        // Fault from 10.0s to 15.5s; seconds 16 and 17 still slow, 18 errors, then good from 19 on.
        var samples = (0..<10).map { second($0) }
        samples += (10..<16).map { second($0, errors: 3, p99: 900) }
        samples += [second(16, p99: 800), second(17, p99: 700), second(18, errors: 2), second(19), second(20), second(21)]
        let timer = FaultRecoveryTimer(
            samples: samples, injectedAtMs: 10_000, revertedAtMs: 15_500, thresholds: thresholds, consecutive: 3)
        #expect(timer.recoveredAtSecond == 19)
        #expect(timer.recoveryMs == 3_500)
        #expect(timer.errorsDuringFault == 18)
        #expect(timer.attemptsDuringFault == 60)
    }

    @Test func quietSecondsNeitherCountNorBreakTheStreak() {
        let samples = [second(5), second(6, attempted: 0), second(7), second(8)]
        let timer = FaultRecoveryTimer(
            samples: samples, injectedAtMs: 1_000, revertedAtMs: 5_000, thresholds: thresholds, consecutive: 3)
        #expect(timer.recoveredAtSecond == 5)
        #expect(timer.recoveryMs == 0)
    }

    @Test func neverRecoveredWithinTheSamples() {
        let samples = [second(5), second(6), second(7, errors: 1), second(8)]
        let timer = FaultRecoveryTimer(
            samples: samples, injectedAtMs: 1_000, revertedAtMs: 4_200, thresholds: thresholds, consecutive: 3)
        #expect(timer.recoveryMs == nil)
        #expect(timer.recoveredAtSecond == nil)
    }

    @Test func phaseOnlyThresholdsAreLeftToThePhaseVerdict() {
        let sample = second(1)
        #expect(sample.holds([.checkRate(1), .maxDropped(0)]) == true)
        #expect(sample.holds([.minThroughput(Rate(perSecond: 20))]) == false)
        #expect(second(2, attempted: 0).holds(thresholds) == nil)
    }
}
