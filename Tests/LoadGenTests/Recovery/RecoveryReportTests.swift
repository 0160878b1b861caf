import Testing

@testable import LoadGen

/// The drill's report judges the RTO/RPO limits and records them as events.
struct RecoveryReportTests {
    typealias Probe = RecoveryMeasurement.Probe
    typealias Write = RecoveryMeasurement.CanaryWrite

    @Test func limitsAreJudgedAgainstTheDrill() {
        let measured = RecoveryMeasurement(
            disasterAtMs: 10_000, probes: [Probe(atMs: 12_500, succeeded: true)], consecutive: 1,
            writes: [Write(sequence: 1, acknowledgedAtMs: 9_000)], readBackAtMs: 20_000, present: [])
        let report = RecoveryReport(
            measurement: measured, disasterAtMs: 10_000, consecutive: 1, probes: 1, lastProbeFailure: nil, canaryWrites: 1,
            readBackProblem: nil, versionBefore: "1", versionAfter: "1", integrity: "ok")
        let outcomes = report.outcomes(
            rules: [SLARule(thresholds: [], rto: .seconds(2), rpo: .seconds(5), rpoWrites: 0)], phase: "outage")
        #expect(outcomes.map(\.threshold) == ["rto", "rpo", "rpo_writes"])
        #expect(outcomes.map(\.passed) == [false, true, false])
        #expect(outcomes.map(\.observedText) == ["2.50s", "1.00s", "1 of 1 lost"])
        #expect(outcomes.allSatisfy { $0.phase == "outage" })
        #expect(report.events.map(\.name) == ["rto", "rpo"])
        #expect(report.events[0].durationMs == 2_500 && report.events[1].atMs == 9_000 && report.events[1].durationMs == 1_000)
    }
}
