import Foundation
import Testing
@testable import Reports

/// A gate whose noise hides regressions well past the margin says how large a slowdown it could have caught, so a
/// pass is not read as "no regression"; a quiet history or session adds no such note.
@Suite struct GateResolutionNoteTests {
    private let build = GateSyntheticRun()

    private func result(
        _ metric: ComparedMetric, low: Double, high: Double, verdict: GateVerdict = .pass, change: Double = 1
    ) -> GateMetricResult {
        GateMetricResult(
            phase: "steady", request: "*", metric: metric, baseline: 100_000, candidate: 100_000 * change, change: change,
            low: low, high: high, limit: 1.1, verdict: verdict, baselineSeconds: 20, candidateSeconds: 20)
    }

    @Test func aDriftingHistoryNamesTheSmallestRegressionItCanCatch() throws {
        let baselines = build.runsOfOneBuild(5, runDrift: 0.12, seed: 7)
        let results = HistoryStatistics.judge(phase: "steady", baselines: baselines, candidate: build.samples(seed: 8))
        let p50 = try #require(results.first { $0.metric == .p50 })
        let note = try #require(GateReport.resolutionNote(results, method: .history, settings: GateSettings()))
        // The threshold named is the range's upper end, the same number the table's range column shows.
        #expect(note.contains("steady p50 +\(Int(((p50.high - 1) * 100).rounded()))%"), "\(note)")
        #expect(note.contains("--baseline-runs") && note.contains("loadgen ab"))
    }

    @Test func aQuietHistoryAddsNoNote() {
        let baselines = build.runsOfOneBuild(5, runDrift: 0.01, seed: 3)
        let results = HistoryStatistics.judge(phase: "steady", baselines: baselines, candidate: build.samples(seed: 4))
        #expect(GateReport.resolutionNote(results, method: .history, settings: GateSettings()) == nil)
    }

    @Test func anInterleavedSessionUsesTheIntervalsHalfWidth() throws {
        // Interval 0.9 … 1.6 around a mean of 1.2: half-width √(1.6 / 0.9) ≈ 1.33, so only +33 % or more can fail.
        let wide = [result(.p50, low: 0.9, high: 1.6, change: 1.2)]
        let note = try #require(GateReport.resolutionNote(wide, method: .interleaved, settings: GateSettings()))
        #expect(note.contains("steady p50 +33%") && note.contains("--rounds"), "\(note)")
        // ±8 % around no change: the margin (10 %) decides, and 1.08 < 1.2 needs no note.
        let narrow = [result(.p50, low: 0.93, high: 1.08)]
        #expect(GateReport.resolutionNote(narrow, method: .interleaved, settings: GateSettings()) == nil)
    }

    @Test func unjudgedAndNonLatencyMetricsAreLeftOut() {
        let results = [
            result(.p99, low: 0.5, high: 2, verdict: .insufficientData),
            GateMetricResult(
                phase: "steady", request: "*", metric: .errorRate, baseline: 0, candidate: 0.2, change: 0.2, low: -0.5,
                high: 0.5, limit: 0.005, verdict: .pass, baselineSeconds: 20, candidateSeconds: 20),
        ]
        #expect(GateReport.resolutionNote(results, method: .history, settings: GateSettings()) == nil)
        #expect(GateReport.resolutionNote([result(.p50, low: 0.5, high: 2)], method: .bootstrap, settings: GateSettings()) == nil)
    }

    @Test func aWiderMarginRaisesTheBarForTheNote() {
        // +33 % is more than twice a 10 % margin but not twice a 20 % one.
        let wide = [result(.p50, low: 0.9, high: 1.6, change: 1.2)]
        #expect(GateReport.resolutionNote(wide, method: .interleaved, settings: GateSettings(margin: 0.2)) == nil)
    }
}
