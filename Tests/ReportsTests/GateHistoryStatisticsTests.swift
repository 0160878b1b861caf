import Foundation
import Testing
@testable import Reports

/// The history gate on synthetic runs whose drift between runs (12 % per run) is larger than the 10 % margin: the
/// single-run bootstrap cries wolf on same-build pairs; the history sees the drift and does not, yet still fails a
/// candidate that is clearly slower, has more errors or more wrong answers.
@Suite struct GateHistoryStatisticsTests {
    private let build = GateSyntheticRun()
    private let runDrift = 0.12

    private func regressed(_ results: [GateMetricResult]) -> [GateMetricResult] { results.filter { $0.verdict == .regressed } }

    @Test func sameBuildWithDriftBeyondTheMarginPassesAgainstAHistory() {
        var historyAlarms = 0
        var singleRunAlarms = 0
        for trial in 0..<20 {
            let runs = build.runsOfOneBuild(6, runDrift: runDrift, seed: UInt64(1000 + trial))
            let (baselines, candidate) = (Array(runs.prefix(5)), runs[5])
            let results = HistoryStatistics.judge(phase: "steady", baselines: baselines, candidate: candidate)
            #expect(results.count == 7)
            if !regressed(results).isEmpty { historyAlarms += 1 }
            if !regressed(RegressionStatistics.judge(phase: "steady", baseline: baselines[4], candidate: candidate)).isEmpty {
                singleRunAlarms += 1
            }
        }
        #expect(historyAlarms <= 1, "history: \(historyAlarms) false alarms in 20 same-build comparisons")
        // The premise: this drift is more than one run's seconds show, so a single baseline run alone fails often.
        #expect(singleRunAlarms >= 3, "single run: \(singleRunAlarms) of 20 (the drift should fool it)")
    }

    @Test func aRunTwiceAsSlowAsTheHistoryRegresses() {
        let baselines = build.runsOfOneBuild(5, runDrift: runDrift, seed: 7)
        var slow = build
        slow.medianMs *= 2
        let results = HistoryStatistics.judge(phase: "steady", baselines: baselines, candidate: slow.samples(seed: 99))
        let p50 = try! #require(results.first { $0.metric == .p50 })
        #expect(p50.verdict == .regressed, "\(p50)")
        #expect(abs(p50.change - 2) < 0.4)
        // The same-build range is reported around no change, wider than the margin for this drift.
        #expect(p50.low < 1 && p50.high > 1.1 && abs(log(p50.low) + log(p50.high)) < 1e-9)
    }

    @Test func aQuietHistoryLetsTheMarginDecide() {
        // Runs that barely drift: the prediction range is narrower than the margin, so +30 % fails and the same
        // build passes.
        let baselines = build.runsOfOneBuild(5, runDrift: 0.01, seed: 3)
        var slower = build
        slower.medianMs *= 1.3
        #expect(
            regressed(HistoryStatistics.judge(phase: "p", baselines: baselines, candidate: slower.samples(seed: 4))).contains {
                $0.metric == .p50
            })
        #expect(regressed(HistoryStatistics.judge(phase: "p", baselines: baselines, candidate: build.samples(seed: 5))).isEmpty)
    }

    @Test func errorsAndWrongAnswersAtTheSameSpeedRegress() {
        let baselines = build.runsOfOneBuild(5, runDrift: runDrift, seed: 11)
        var failing = build
        failing.errorRate = 0.05
        let errors = HistoryStatistics.judge(phase: "p", baselines: baselines, candidate: failing.samples(seed: 12))
        #expect(regressed(errors).map(\.metric).contains(.errorRate), "\(errors)")
        var wrong = build
        wrong.checkFailureRate = 0.05
        let checks = HistoryStatistics.judge(phase: "p", baselines: baselines, candidate: wrong.samples(seed: 13))
        #expect(regressed(checks).map(\.metric) == [.checkRate], "\(checks)")
        let checkRate = try! #require(checks.first { $0.metric == .checkRate })
        #expect(checkRate.baseline == 1 && checkRate.change < -0.03)
    }

    @Test func tooFewResponsesBeyondAPercentileAreNotJudged() {
        var small = build
        small.perSecond = 5  // 100 responses a run: p99 rests on one
        let results = HistoryStatistics.judge(
            phase: "p", baselines: small.runsOfOneBuild(3, runDrift: 0.1, seed: 1), candidate: small.samples(seed: 2))
        #expect(results.first { $0.metric == .p99 }?.verdict == .insufficientData)
        #expect(results.first { $0.metric == .p50 }?.verdict != .insufficientData)
    }

    private func p50Regressed(_ results: [GateMetricResult]) -> Bool {
        results.contains { $0.metric == .p50 && $0.verdict == .regressed }
    }

    /// The mean of five candidate runs narrows the band: at this drift a single run's prediction range reaches about
    /// +80 % (four percentiles share the false-alarm share), so one run at +80 % is missed often; five runs' mean is
    /// judged against a band about half as wide and is caught nearly always, and five of the same build still pass.
    @Test func severalCandidateRunsCatchWhatOneRunCannot() {
        var slower = build
        slower.medianMs *= 1.8
        var alarms = 0
        var caughtByFive = 0
        var caughtByOne = 0
        for trial in 0..<20 {
            let baselines = build.runsOfOneBuild(5, runDrift: runDrift, seed: UInt64(2000 + trial))
            let same = build.runsOfOneBuild(5, runDrift: runDrift, seed: UInt64(3000 + trial))
            let slow = slower.runsOfOneBuild(5, runDrift: runDrift, seed: UInt64(4000 + trial))
            if !regressed(HistoryStatistics.judge(phase: "p", baselines: baselines, candidates: same)).isEmpty { alarms += 1 }
            if p50Regressed(HistoryStatistics.judge(phase: "p", baselines: baselines, candidates: slow)) { caughtByFive += 1 }
            if p50Regressed(HistoryStatistics.judge(phase: "p", baselines: baselines, candidate: slow[0])) { caughtByOne += 1 }
        }
        #expect(alarms <= 1, "\(alarms) false alarms in 20 same-build comparisons of five runs")
        #expect(caughtByFive >= 19, "+80 % caught \(caughtByFive) of 20 times with five candidate runs")
        #expect(caughtByOne <= 15, "+80 % caught \(caughtByOne) of 20 times with one run (premise: it misses often)")
    }

    /// Candidate runs made back to back share their sitting's drift, which their mean does not average away: when
    /// the history (one run per deploy) spreads by that drift and the candidates barely spread at all, the band
    /// must still hold the drift, or every deploy made on a slow afternoon fails.
    @Test func candidateRunsFromOneSittingAreNotTakenForIndependentOnes() {
        var random = SplitMix64(seed: 77)
        var alarms = 0
        for trial in 0..<20 {
            let baselines = build.runsOfOneBuild(5, runDrift: runDrift, seed: UInt64(5000 + trial))
            var sitting = build
            sitting.medianMs *= exp(runDrift * GateSyntheticRun.normal(&random))
            let candidates = sitting.runsOfOneBuild(5, runDrift: 0.01, seed: UInt64(6000 + trial))
            if !regressed(HistoryStatistics.judge(phase: "p", baselines: baselines, candidates: candidates)).isEmpty {
                alarms += 1
            }
        }
        #expect(alarms <= 1, "\(alarms) false alarms in 20 same-build sittings")
    }

    @Test func theDifferenceVarianceIsThePredictionIntervalForOneRunAndHoldsASharedSitting() {
        // One candidate run: s²(1 + 1/K) with K − 1 degrees of freedom, either way.
        let one = HistoryStatistics.differenceVariance(baselines: (5, 0.04), candidates: (1, 0))
        #expect(abs(one.variance - 0.04 * 1.2) < 1e-12 && one.degreesOfFreedom == 4)
        // Runs that spread alike: the pooled two-sample variance.
        let alike = HistoryStatistics.differenceVariance(baselines: (5, 0.04), candidates: (5, 0.04))
        #expect(abs(alike.variance - 0.04 * 0.4) < 1e-12 && alike.degreesOfFreedom == 8)
        // Candidates that barely spread against a history that does: the history's drift stays in the band.
        let sitting = HistoryStatistics.differenceVariance(baselines: (5, 0.04), candidates: (5, 0.0001))
        #expect(abs(sitting.variance - (0.04 * 1.2 - 0.0001 * 0.8)) < 1e-12)
        // One baseline run: only the candidates' spread is known.
        let single = HistoryStatistics.differenceVariance(baselines: (1, 0), candidates: (3, 0.01))
        #expect(abs(single.variance - 0.01 * (1 + 1.0 / 3)) < 1e-12 && single.degreesOfFreedom == 2)
    }
}
