import Foundation
import Testing
@testable import Reports

/// The interleaved gate on synthetic rounds whose level drifts by up to ±25 % from round to round (far beyond the
/// margin) but hits both sides of a round alike, as alternating slices on one machine do.
@Suite struct GatePairedStatisticsTests {
    private func rounds(_ count: Int, candidateFactor: Double, seed: UInt64) -> [PairedStatistics.Round] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { round in
            var side = GateSyntheticRun()
            side.seconds = 8
            side.medianMs *= exp(0.12 * GateSyntheticRun.normal(&random))  // this round's machine state
            var slower = side
            slower.medianMs *= candidateFactor
            return (
                side.samples(seed: seed &* 97 &+ UInt64(2 * round)), slower.samples(seed: seed &* 97 &+ UInt64(2 * round + 1))
            )
        }
    }

    private func regressed(_ results: [GateMetricResult]) -> Set<ComparedMetric> {
        Set(results.filter { $0.verdict == .regressed }.map(\.metric))
    }

    @Test func sameBuildAcrossDriftingRoundsRarelyAlarms() {
        var alarms = 0
        for trial in 0..<20 {
            let results = PairedStatistics.judge(
                phase: "steady", rounds: rounds(6, candidateFactor: 1, seed: UInt64(500 + trial)))
            #expect(results.count == 7)
            if !regressed(results).isEmpty { alarms += 1 }
        }
        #expect(alarms <= 1, "\(alarms) false alarms in 20 same-build sessions")
    }

    @Test func thirtyPercentSlowerIsCaughtDespiteTheDrift() {
        var caught = 0
        for trial in 0..<20 {
            let results = PairedStatistics.judge(
                phase: "steady", rounds: rounds(6, candidateFactor: 1.3, seed: UInt64(900 + trial)))
            if regressed(results).contains(.p50) { caught += 1 }
            let p50 = try! #require(results.first { $0.metric == .p50 })
            #expect(p50.low <= p50.change && p50.change <= p50.high)
        }
        #expect(caught >= 19, "30 % slower caught in \(caught) of 20 sessions")
    }

    @Test func wrongAnswersRegressTheCheckRate() {
        var rounds = rounds(4, candidateFactor: 1, seed: 77)
        var wrong = GateSyntheticRun()
        wrong.checkFailureRate = 0.1
        wrong.seconds = 8
        rounds = rounds.enumerated().map { ($1.baseline, wrong.samples(seed: UInt64(300 + $0))) }
        let results = PairedStatistics.judge(phase: "p", rounds: rounds)
        #expect(regressed(results).contains(.checkRate), "\(results)")
    }

    @Test func oneRoundIsNotEnoughToJudge() {
        let results = PairedStatistics.judge(phase: "p", rounds: rounds(1, candidateFactor: 2, seed: 1))
        #expect(results.allSatisfy { $0.verdict == .insufficientData })
    }
}
