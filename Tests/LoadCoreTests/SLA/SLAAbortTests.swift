import Testing
@testable import LoadCore

@Suite struct SLAAbortTests {
    private let failing = [
        "detect": measuredStats(latenciesMs: [900], errors: [.http5xx: 50], sent: 100)
    ]
    private let rule = SLARule(
        phase: "burst", thresholds: [.errorRate(0.05), .minThroughput(Rate(perSecond: 1000))], abortOnFail: true,
        grace: .seconds(5))

    @Test func nothingAbortsWithinTheGrace() {
        let current = PhaseMeasurements(name: "burst", elapsed: .milliseconds(4999), requests: failing)
        #expect(SLAEvaluator.abortViolations(rules: [rule], current: current).isEmpty)
    }

    @Test func failingRuleAbortsOnceGraceHasPassed() {
        let current = PhaseMeasurements(name: "burst", elapsed: .seconds(5), requests: failing)
        let violations = SLAEvaluator.abortViolations(rules: [rule], current: current)
        // Throughput is not judged mid-phase, even though 100 responses in 5 s is far below 1000/s.
        #expect(violations.map(\.threshold) == ["error_rate"])
        #expect(violations.allSatisfy { !$0.passed })
    }

    @Test func onlyAbortRulesOfTheCurrentPhaseCount() {
        let current = PhaseMeasurements(name: "steady", elapsed: .seconds(30), requests: failing)
        var notAborting = rule
        notAborting.phase = "*"
        notAborting.abortOnFail = false
        #expect(SLAEvaluator.abortViolations(rules: [rule, notAborting], current: current).isEmpty)
        var everyPhase = rule
        everyPhase.phase = "*"
        #expect(SLAEvaluator.abortViolations(rules: [everyPhase], current: current).count == 1)
    }

    @Test func passingRulesDoNotAbort() {
        let healthy = ["detect": measuredStats(latenciesMs: Array(repeating: 20, count: 100))]
        let current = PhaseMeasurements(name: "burst", elapsed: .seconds(10), requests: healthy)
        #expect(SLAEvaluator.abortViolations(rules: [rule], current: current).isEmpty)
    }
}
