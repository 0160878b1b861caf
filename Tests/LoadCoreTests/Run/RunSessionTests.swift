import Testing

@testable import LoadCore

/// The run's decisions on a manual clock: no engine, no processes, no sleeping.
@Suite struct RunSessionTests {
    private let clock = ManualClock()

    private func session(_ plan: RunPlan) -> RunSession<ManualClock> { RunSession(plan: plan, runStart: clock.now) }

    private func at(_ milliseconds: Int) -> ManualClock.Instant {
        clock.advance(to: .milliseconds(milliseconds))
        return clock.now
    }

    /// One second of traffic: `sent` requests, `failed` of them answered 5xx.
    private func second(_ index: Int, sent: Int = 10, failed: Int = 0) -> SecondBucket {
        var bucket = SecondBucket(second: index)
        bucket.sent = sent
        bucket.completed = sent
        if failed > 0 { bucket.errors[.http5xx] = failed }
        return bucket
    }

    /// A run whose requests were all answered as expected.
    private static let served = OutcomeCounts(attempts: 10, completions: 10, errorStatuses: 0, endedWithoutResponse: 0)

    private let abortRule = SLARule(phase: "burst", thresholds: [.errorRate(0.05)], abortOnFail: true, grace: .seconds(5))
    private let failing = ["detect": measuredStats(latenciesMs: [900], errors: [.http5xx: 50], sent: 100)]

    // MARK: - Seconds and phases

    @Test func collectsEachSecondOnceItHasEndedAndSettled() {
        var run = session(RunPlan(phases: [("warmup", .seconds(2)), ("steady", .seconds(3))]))
        #expect(run.nextCollection == ManualClock.Instant(offset: .milliseconds(1020)))
        #expect(run.secondsEnded(at: at(999), engineDone: false) == 0)
        let now = at(1020)
        #expect(run.secondsEnded(at: now, engineDone: false) == 1)
        let collected = run.collect([second(0)], at: now, engineDone: false)
        #expect(collected.seconds.map(\.second) == [0])
        #expect(run.nextCollection == ManualClock.Instant(offset: .milliseconds(2020)))
        #expect(run.secondsEnded(at: at(2500), engineDone: true) == .max)
    }

    @Test func emptySecondsGetRowsAndEverySecondItsPhase() {
        var run = session(RunPlan(phases: [("warmup", .seconds(2)), ("steady", .seconds(3))]))
        // At 4.02 s seconds 0 to 3 have ended; nothing happened in 0, 2 and 3.
        let first = run.collect([second(1, failed: 2)], at: at(4020), engineDone: false)
        #expect(first.seconds.map(\.second) == [0, 1, 2, 3])
        #expect(first.phases == ["warmup", "warmup", "steady", "steady"])
        #expect(first.seconds.map(\.sent) == [0, 10, 0, 0])
        // Responses that settle after the schedule's end belong to the last phase; nothing is counted twice.
        let last = run.collect([second(4), second(5, sent: 0, failed: 1)], at: at(5300), engineDone: true)
        #expect(last.seconds.map(\.second) == [4, 5])
        #expect(last.phases == ["steady", "steady"])
        #expect(run.errorsSoFar == 3)
    }

    @Test func aRunThatRanItsCourseJudgesEveryPhaseWhole() {
        var run = session(RunPlan(phases: [("warmup", .seconds(2)), ("steady", .seconds(3))]))
        _ = run.collect([second(0), second(4)], at: at(5100), engineDone: true)
        #expect(!run.stoppedEarly)
        #expect(run.measuredUntil == .seconds(5))
        #expect(run.phaseWindows.map(\.elapsed) == [.seconds(2), .seconds(3)])
        #expect(run.events.isEmpty)
        let verdict = run.verdict(faultsNotInjected: [], failedActions: [], outcomes: [], traffic: Self.served)
        #expect(verdict.exitCode == .passed)
        #expect(verdict.text == "PASSED (no SLA defined): 10 of 10 requests answered as expected")
    }

    /// With no SLA, a run in which nothing got an accepted response must not read as a pass.
    @Test func withoutAnSLA_aRunWithNoAcceptedResponseFails() {
        var run = session(RunPlan(phases: [("steady", .seconds(1))]))
        _ = run.collect([second(0)], at: at(1100), engineDone: true)
        let dead = OutcomeCounts(attempts: 10, completions: 4, errorStatuses: 4, endedWithoutResponse: 6)
        let verdict = run.verdict(faultsNotInjected: [], failedActions: [], outcomes: [], traffic: dead)
        #expect(verdict.exitCode == .slaBreached)
        #expect(
            verdict.text
                == "FAILED: none of 10 requests got a response its expectations accept: 4 answered with an unexpected status, 6 got no response (no SLA defined)"
        )
        let nothing = run.verdict(faultsNotInjected: [], failedActions: [], outcomes: [], traffic: .none)
        #expect(nothing.text == "FAILED: no request was sent (no SLA defined)")
        // One accepted response is enough to pass a run that set no SLA, and the line says how many.
        let one = OutcomeCounts(attempts: 10, completions: 1, errorStatuses: 0, endedWithoutResponse: 9)
        #expect(
            run.verdict(faultsNotInjected: [], failedActions: [], outcomes: [], traffic: one).text
                == "PASSED (no SLA defined): 1 of 10 requests answered as expected")
    }

    // MARK: - abort_on_fail

    @Test func abortOnFailWaitsForItsGraceThenStopsTheLoad() {
        var run = session(
            RunPlan(phases: [("warmup", .seconds(2)), ("burst", .seconds(20))], abortRules: [abortRule]))
        // The rule is about the burst: nothing is judged in the warm-up.
        #expect(run.phaseForAbortRules(at: at(1020)) == nil)
        // 4.999 s into the burst: within the grace.
        let early = at(6999)
        #expect(run.phaseForAbortRules(at: early) == 1)
        #expect(run.judgeAbortRules(phase: 1, requests: failing, at: early).isEmpty)
        #expect(!run.stoppedEarly)
        // 5 s into the burst: the breach stops the load.
        let now = at(7000)
        let actions = run.judgeAbortRules(phase: 1, requests: failing, at: now)
        #expect(actions.count == 3)
        guard case .note(let line) = actions.first else {
            Issue.record("expected a note first, got \(actions)")
            return
        }
        #expect(line.hasPrefix("abort_on_fail: burst error_rate"))
        // The other segments of a split run are told, with the same words.
        #expect(Array(actions.dropFirst()) == [.stopEngine, .announceAbort(reason: line)])
        // Judged once: the load is stopping.
        #expect(run.phaseForAbortRules(at: at(8020)) == nil)
        #expect(run.measuredUntil == .seconds(7))
        #expect(run.phaseWindows.map(\.name) == ["warmup", "burst"])
        #expect(run.phaseWindows.map(\.elapsed) == [.seconds(2), .seconds(5)])
        #expect(run.events.map(\.name) == ["abort_on_fail"])
        #expect(run.events.first?.atMs == 7000)
        #expect(run.events.first?.detail["burst error_rate"] != nil)
        let verdict = run.verdict(faultsNotInjected: [], failedActions: [], outcomes: [], traffic: Self.served)
        #expect(verdict.exitCode == .slaBreached)
        #expect(verdict.text == "FAILED: aborted by abort_on_fail")
    }

    @Test func healthyPhasesAreNeverAborted() {
        var run = session(RunPlan(phases: [("burst", .seconds(20))], abortRules: [abortRule]))
        let healthy = ["detect": measuredStats(latenciesMs: Array(repeating: 20, count: 100))]
        #expect(run.judgeAbortRules(phase: 0, requests: healthy, at: at(10_000)).isEmpty)
        #expect(run.phaseForAbortRules(at: at(11_000)) == 0)
        #expect(!run.stoppedEarly)
    }

    // MARK: - The chaos abort condition

    @Test func chaosAbortFiresAfterItsDurationOfHighErrorRatesInARow() {
        let condition = ChaosAbortCondition(errorRate: 0.5, duration: .seconds(2))
        var run = session(RunPlan(phases: [("chaos", .seconds(30))], chaosAbort: condition))
        // A second without traffic breaks the streak: it proves nothing either way.
        #expect(run.collect([second(0, failed: 6)], at: at(1020), engineDone: false).actions.isEmpty)
        #expect(run.collect([second(1, sent: 0)], at: at(2020), engineDone: false).actions.isEmpty)
        #expect(run.collect([second(2, failed: 5)], at: at(3020), engineDone: false).actions.isEmpty)
        let actions = run.collect([second(3, failed: 9)], at: at(4020), engineDone: false).actions
        let reason = "chaos abort condition: error rate at or above 50% for 2.0 seconds"
        #expect(
            actions == [
                .note(reason + "; reverting every fault and stopping the load"), .stopEngine, .revertFaults(reason: reason),
                .announceAbort(reason: reason),
            ])
        #expect(run.chaosAbortReason == reason)
        // It fires once.
        #expect(run.collect([second(4, failed: 9)], at: at(5020), engineDone: false).actions.isEmpty)
        #expect(run.measuredUntil == .milliseconds(4020))
        #expect(
            run.verdict(faultsNotInjected: [], failedActions: [], outcomes: [], traffic: Self.served).text
                == "FAILED: aborted by the \(reason)")
    }

    @Test func aFinishedRunHasNothingLeftToAbort() {
        var run = session(RunPlan(phases: [("chaos", .seconds(2))], chaosAbort: .init(errorRate: 0.5, duration: .seconds(1))))
        #expect(run.collect([second(0, failed: 10), second(1, failed: 10)], at: at(2100), engineDone: true).actions.isEmpty)
        #expect(!run.stoppedEarly)
    }

    // MARK: - Another segment's abort

    @Test func anotherSegmentsAbortStopsThisOneOnce() {
        var run = session(RunPlan(phases: [("steady", .seconds(30))], abortRules: [abortRule]))
        let reason = "segment 2/4 aborted: abort_on_fail: steady error_rate 9% > 5%"
        let actions = run.peerAborted(reason, at: at(12_000))
        #expect(actions == [.note(reason + "; stopping this segment's load"), .stopEngine, .revertFaults(reason: reason)])
        // Stopping, it neither judges its own rules nor takes a second stop.
        #expect(run.phaseForAbortRules(at: at(13_000)) == nil)
        #expect(run.peerAborted("segment 3/4 aborted: …", at: at(13_000)).isEmpty)
        #expect(run.measuredUntil == .seconds(12))
        #expect(run.events.map(\.name) == ["peer_abort"])
        #expect(run.events.first?.detail["reason"] == reason)
        let verdict = run.verdict(faultsNotInjected: [], failedActions: [], outcomes: [], traffic: Self.served)
        #expect(verdict.exitCode == .slaBreached)
        #expect(verdict.text == "FAILED: stopped because \(reason)")
    }

    @Test func aSegmentThatAbortedItselfIgnoresTheEchoOfItsPeers() {
        var run = session(RunPlan(phases: [("burst", .seconds(30))], abortRules: [abortRule]))
        _ = run.judgeAbortRules(phase: 0, requests: failing, at: at(6000))
        #expect(run.peerAborted("segment 1/2 aborted: …", at: at(6500)).isEmpty)
        #expect(
            run.verdict(faultsNotInjected: [], failedActions: [], outcomes: [], traffic: Self.served).text
                == "FAILED: aborted by abort_on_fail")
    }

    // MARK: - Interrupts

    @Test func anInterruptStopsTheLoadRevertsFaultsAndKeepsWhatWasMeasured() {
        var run = session(RunPlan(phases: [("warmup", .seconds(2)), ("steady", .seconds(10)), ("cool", .seconds(5))]))
        let actions = run.interrupt(at: at(3500))
        #expect(
            actions == [
                .note("interrupted: stopping the load, reverting any fault, saving what was measured"), .stopEngine,
                .revertFaults(reason: "interrupted"),
            ])
        #expect(run.interrupt(at: at(3600)).isEmpty)
        // The phase that never started is left out rather than judged empty.
        #expect(run.phaseWindows.map(\.name) == ["warmup", "steady"])
        #expect(run.phaseWindows.map(\.elapsed) == [.seconds(2), .milliseconds(1500)])
        #expect(run.events.map(\.name) == ["interrupted"])
        #expect(run.events.first?.atMs == 3500)
        #expect(
            run.verdict(faultsNotInjected: [], failedActions: [], outcomes: [], traffic: Self.served).exitCode == .interrupted)
    }

    @Test func anInterruptBeforeTheFirstSendJudgesNothing() {
        let start = ManualClock.Instant(offset: .milliseconds(250))
        var run = RunSession<ManualClock>(plan: RunPlan(phases: [("steady", .seconds(10))]), runStart: start)
        _ = run.interrupt(at: clock.now)
        #expect(run.measuredUntil == .zero)
        #expect(run.phaseWindows.isEmpty)
        #expect(run.events.first?.atMs == 0)
    }

    // MARK: - The verdict's order

    @Test func theFirstApplicableEndDecidesTheExitCode() {
        let breached = SLAOutcome(
            phase: "burst", request: nil, threshold: "p99", limit: "500ms", limitValue: 500, observed: 900,
            observedText: "900ms", passed: false, unit: "ms")
        let failedAction = "actions[0] replica.restart"
        let plan = RunPlan(
            phases: [("burst", .seconds(20))], abortRules: [abortRule],
            chaosAbort: .init(errorRate: 0.5, duration: .seconds(1)))

        // Everything went wrong, and the interrupt comes first.
        var everything = session(plan)
        _ = everything.collect([second(0, failed: 10)], at: at(1020), engineDone: false)
        _ = everything.judgeAbortRules(phase: 0, requests: failing, at: at(6000))
        _ = everything.interrupt(at: at(6100))
        #expect(
            everything.verdict(
                faultsNotInjected: ["x"], failedActions: [failedAction], outcomes: [breached], traffic: Self.served
            ).exitCode
                == .interrupted)

        // Without the interrupt, the abort rule comes before the chaos abort.
        var aborted = session(plan)
        _ = aborted.collect([second(0, failed: 10)], at: at(7020), engineDone: false)
        _ = aborted.judgeAbortRules(phase: 0, requests: failing, at: at(13_000))
        #expect(
            aborted.verdict(faultsNotInjected: [], failedActions: [], outcomes: [], traffic: Self.served).text
                == "FAILED: aborted by abort_on_fail")

        // A run that ran its course: faults not injected, then failed actions, then breached SLAs.
        let finished = session(plan)
        #expect(
            finished.verdict(
                faultsNotInjected: ["latency on :8080"], failedActions: [failedAction], outcomes: [breached], traffic: Self.served
            ).text
                == "FAILED: 1 fault(s) not injected: latency on :8080")
        #expect(
            finished.verdict(faultsNotInjected: [], failedActions: [failedAction], outcomes: [breached], traffic: Self.served)
                .text
                == "FAILED: 1 action(s) failed: actions[0] replica.restart")
        let slaVerdict = finished.verdict(faultsNotInjected: [], failedActions: [], outcomes: [breached], traffic: Self.served)
        #expect(slaVerdict.text == "FAILED: 1 of 1 SLA thresholds breached")
        #expect(slaVerdict.exitCode == .slaBreached)
        #expect(slaVerdict.status == .failed)
        #expect(
            finished.verdict(faultsNotInjected: [], failedActions: [], outcomes: [], traffic: Self.served).exitCode == .passed)
    }
}
