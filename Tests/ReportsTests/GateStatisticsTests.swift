import Foundation
import Testing
@testable import Reports

/// The regression gate's statistics on seeded synthetic runs: no false alarm for the same distribution, a clear
/// fail for +30 %, a pass for a shift inside the margin, and error rates judged with their floor.
@Suite struct GateStatisticsTests {
    private func regressed(_ results: [GateMetricResult]) -> [GateMetricResult] { results.filter { $0.verdict == .regressed } }

    @Test func sameDistributionTwentyTimesGivesAtMostOneFalseAlarm() {
        let run = GateSyntheticRun()
        var alarms = 0
        for pair in 0..<20 {
            let results = RegressionStatistics.judge(
                phase: "steady", baseline: run.samples(seed: UInt64(2 * pair + 1)),
                candidate: run.samples(seed: UInt64(2 * pair + 2)))
            #expect(results.count == 7)
            if !regressed(results).isEmpty { alarms += 1 }
        }
        #expect(alarms <= 1, "\(alarms) false alarms in 20 same-distribution pairs")
    }

    @Test func thirtyPercentSlowerFailsWithATenPercentMargin() {
        var slow = GateSyntheticRun()
        slow.medianMs *= 1.3
        let results = RegressionStatistics.judge(
            phase: "steady", baseline: GateSyntheticRun().samples(seed: 11), candidate: slow.samples(seed: 12))
        let failed = Set(regressed(results).map(\.metric))
        #expect(failed.isSuperset(of: [.p50, .p90, .p95]), "\(results)")
        let p50 = try! #require(results.first { $0.metric == .p50 })
        #expect(abs(p50.change - 1.3) < 0.08, "\(p50)")
        #expect(p50.low > 1.1 && p50.low <= p50.change && p50.change <= p50.high)
    }

    @Test func fivePercentSlowerPassesWithATenPercentMargin() {
        var slower = GateSyntheticRun()
        slower.medianMs *= 1.05
        let results = RegressionStatistics.judge(
            phase: "steady", baseline: GateSyntheticRun().samples(seed: 21), candidate: slower.samples(seed: 22))
        #expect(regressed(results).isEmpty, "\(results)")
    }

    @Test func noisySecondsWithoutAShiftPass() {
        var noisy = GateSyntheticRun()
        noisy.secondDrift = 0.15
        noisy.sigma = 0.6
        for pair in 0..<5 {
            let results = RegressionStatistics.judge(
                phase: "steady", baseline: noisy.samples(seed: UInt64(100 + 2 * pair)),
                candidate: noisy.samples(seed: UInt64(101 + 2 * pair)))
            #expect(regressed(results).isEmpty, "pair \(pair): \(results)")
        }
    }

    @Test func theVerdictIsTheSameEveryTime() {
        let (base, cand) = (GateSyntheticRun().samples(seed: 5), GateSyntheticRun().samples(seed: 6))
        #expect(
            RegressionStatistics.judge(phase: "p", baseline: base, candidate: cand)
                == RegressionStatistics.judge(phase: "p", baseline: base, candidate: cand))
    }

    @Test func oneErrorOnACleanBaselineIsBelowTheFloor() {
        let base = GateSyntheticRun().samples(seed: 31)
        var cand = GateSyntheticRun().samples(seed: 32)
        cand[7].outcomes.errorStatuses = 1
        let rate = try! #require(
            RegressionStatistics.judge(phase: "steady", baseline: base, candidate: cand).first { $0.metric == .errorRate })
        #expect(rate.verdict == .pass, "\(rate)")
        #expect(rate.limit == 0.005)
    }

    @Test func fivePercentErrorsOnACleanBaselineRegress() {
        var failing = GateSyntheticRun()
        failing.errorRate = 0.05
        let rate = try! #require(
            RegressionStatistics.judge(
                phase: "steady", baseline: GateSyntheticRun().samples(seed: 41), candidate: failing.samples(seed: 42)
            ).first { $0.metric == .errorRate })
        #expect(rate.verdict == .regressed, "\(rate)")
        #expect(rate.low > 0)
    }

    @Test func tooFewSecondsAreReportedButNotJudged() {
        var short = GateSyntheticRun()
        short.seconds = 3
        var slow = short
        slow.medianMs *= 2
        let results = RegressionStatistics.judge(
            phase: "steady", baseline: short.samples(seed: 1), candidate: slow.samples(seed: 2))
        #expect(results.allSatisfy { $0.verdict == .insufficientData }, "\(results)")
    }

    @Test func blocksWrapAroundAndCoverTheRunLength() {
        let bootstrap = BlockBootstrap(count: 20)
        #expect(bootstrap.blockLength == 3)
        var generator = SplitMix64(seed: 1)
        let indices = bootstrap.resample(using: &generator)
        #expect(indices.count == 20)
        #expect(indices.allSatisfy { (0..<20).contains($0) })
    }
}
