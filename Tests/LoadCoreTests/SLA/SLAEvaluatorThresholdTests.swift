import Testing
@testable import LoadCore

@Suite struct SLAEvaluatorThresholdTests {
    private func outcome(_ threshold: Threshold, _ measured: PhaseMeasurements) -> SLAOutcome {
        let outcomes = SLAEvaluator.evaluate(rules: [SLARule(thresholds: [threshold])], phases: [measured])
        #expect(outcomes.count == 1)
        return outcomes[0]
    }

    /// 100 responses: 99 at 100 ms, one at `slowest` ms.
    private func latencies(slowest: UInt64) -> PhaseMeasurements {
        measuredPhase("steady", ["detect": measuredStats(latenciesMs: Array(repeating: 100, count: 99) + [slowest])])
    }

    @Test func latencyEqualToTheLimitPasses() {
        let result = outcome(.latency(percentile: .max, limit: .milliseconds(500)), latencies(slowest: 500))
        #expect(result.passed)
        #expect(result.observed == 500)
        #expect(result.observedText == "500ms")
        #expect(result.limit == "500ms")
        #expect(result.limitValue == 500)
        #expect(result.unit == "ms")
        #expect(result.uncorrectedObserved == 250)
    }

    @Test func latencyAboveTheLimitFails() {
        let result = outcome(.latency(percentile: .max, limit: .milliseconds(500)), latencies(slowest: 502))
        #expect(!result.passed)
        #expect(result.threshold == "max")
    }

    @Test func percentilesComeFromTheCorrectedHistogram() {
        let measured = latencies(slowest: 900)
        #expect(outcome(.latency(percentile: .p99, limit: .milliseconds(100)), measured).passed)
        #expect(!outcome(.latency(percentile: .p999, limit: .milliseconds(100)), measured).passed)
        #expect(outcome(.latency(percentile: .p999, limit: .seconds(1)), measured).limit == "1s")
    }

    @Test func phaseWithoutResponsesFailsLatency() {
        let result = outcome(.latency(percentile: .p95, limit: .seconds(1)), measuredPhase("idle", [:]))
        #expect(!result.passed)
        #expect(result.observedText == "no responses")
    }

    @Test func errorRateAtTheLimitPassesAndAboveFails() {
        let atLimit = measuredPhase("p", ["r": measuredStats(latenciesMs: [], errors: [.http5xx: 1], sent: 100)])
        let result = outcome(.errorRate(0.01), atLimit)
        #expect(result.passed)
        #expect(result.limit == "1%")
        #expect(result.observedText == "1%")
        #expect(result.unit == "ratio")
        let above = measuredPhase("p", ["r": measuredStats(latenciesMs: [], errors: [.http5xx: 1, .dropped: 1], sent: 99)])
        #expect(!outcome(.errorRate(0.01), above).passed)
    }

    @Test func checkRateAtTheLimitPassesAndBelowFails() {
        var measured = measuredStats(latenciesMs: [10])
        measured.checksPassed = 95
        measured.checksFailed = 5
        #expect(outcome(.checkRate(0.95), measuredPhase("p", ["r": measured])).passed)
        measured.checksFailed = 6
        let result = outcome(.checkRate(0.95), measuredPhase("p", ["r": measured]))
        #expect(!result.passed)
        #expect(result.observedText == "94.06%")
    }

    /// A check rate over no checked response is said as what it is: no content checks to fail (holds), or no
    /// accepted response at all (fails).
    @Test func checkRateOverNothingCheckedSaysWhy() {
        let unchecked = measuredStats(latenciesMs: [10])
        let vacuous = outcome(.checkRate(0.95), measuredPhase("p", ["r": unchecked]))
        #expect(vacuous.passed)
        #expect(vacuous.observedText == "no content checks")
        let dead = measuredStats(latenciesMs: [], errors: [.timeout: 5], sent: 5)
        let failed = outcome(.checkRate(0.95), measuredPhase("p", ["r": dead]))
        #expect(!failed.passed)
        #expect(failed.observedText == "nothing answered")
    }

    @Test func throughputIsCompletedOverElapsedSeconds() {
        let measured = measuredPhase("p", seconds: 10, ["r": measuredStats(latenciesMs: Array(repeating: 5, count: 100))])
        let result = outcome(.minThroughput(Rate(perSecond: 10)), measured)
        #expect(result.passed)
        #expect(result.observed == 10)
        #expect(result.observedText == "10/s")
        #expect(result.limit == "10/s")
        #expect(result.unit == "req/s")
        #expect(!outcome(.minThroughput(Rate(perSecond: 10.5)), measured).passed)
    }

    @Test func droppedAtTheLimitPassesAndAboveFails() {
        let measured = measuredPhase("p", ["r": measuredStats(latenciesMs: [1], errors: [.dropped: 3])])
        #expect(outcome(.maxDropped(3), measured).passed)
        let result = outcome(.maxDropped(2), measured)
        #expect(!result.passed)
        #expect(result.observed == 3)
        #expect(result.unit == "count")
    }

    @Test func limitsReadAsWritten() {
        #expect(SLAText.duration(.milliseconds(1500)) == "1.5s")
        #expect(SLAText.duration(.microseconds(250)) == "0.25ms")
        #expect(SLAText.duration(.milliseconds(250)) == "250ms")
        #expect(SLAText.percent(0.005) == "0.5%")
        #expect(SLAText.percent(0.07) == "7%")
    }
}
