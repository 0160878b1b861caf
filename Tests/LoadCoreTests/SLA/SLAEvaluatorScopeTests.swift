import Testing
@testable import LoadCore

@Suite struct SLAEvaluatorScopeTests {
    private let phases = [
        measuredPhase("warmup", ["detect": measuredStats(latenciesMs: [50]), "health": measuredStats(latenciesMs: [1])]),
        measuredPhase("burst", ["detect": measuredStats(latenciesMs: [400]), "health": measuredStats(latenciesMs: [2])]),
    ]

    @Test func starExpandsToEachPhaseInOrder() {
        let outcomes = SLAEvaluator.evaluate(
            rules: [SLARule(phase: "*", thresholds: [.latency(percentile: .p99, limit: .milliseconds(100))])],
            phases: phases)
        #expect(outcomes.map(\.phase) == ["warmup", "burst"])
        #expect(outcomes.map(\.passed) == [true, false])
    }

    @Test func namedPhaseOnly() {
        let outcomes = SLAEvaluator.evaluate(
            rules: [SLARule(phase: "burst", thresholds: [.errorRate(0.01), .maxDropped(0)])], phases: phases)
        #expect(outcomes.map(\.phase) == ["burst", "burst"])
        #expect(outcomes.map(\.threshold) == ["error_rate", "max_dropped"])
    }

    @Test func perRequestRuleSeesOnlyThatRequest() {
        let rule = SLARule(phase: "burst", request: "health", thresholds: [.latency(percentile: .max, limit: .milliseconds(10))])
        let outcome = SLAEvaluator.evaluate(rules: [rule], phases: phases)[0]
        #expect(outcome.request == "health")
        #expect(outcome.observed == 2)
        #expect(outcome.passed)
    }

    @Test func ruleWithoutRequestMergesThePhase() {
        let rule = SLARule(phase: "burst", thresholds: [.latency(percentile: .max, limit: .milliseconds(10))])
        let outcome = SLAEvaluator.evaluate(rules: [rule], phases: phases)[0]
        #expect(outcome.request == nil)
        #expect(outcome.observed == 400)
        #expect(!outcome.passed)
    }

    @Test func unknownRequestIsAnEmptyPhase() {
        let rule = SLARule(phase: "burst", request: "upload", thresholds: [.latency(percentile: .p50, limit: .seconds(1))])
        let outcome = SLAEvaluator.evaluate(rules: [rule], phases: phases)[0]
        #expect(!outcome.passed)
        #expect(outcome.observedText == "no responses")
    }

    @Test func phaseThatDidNotRunYieldsNothing() {
        let rule = SLARule(phase: "cooldown", thresholds: [.errorRate(0.01)])
        #expect(SLAEvaluator.evaluate(rules: [rule], phases: phases).isEmpty)
    }
}
