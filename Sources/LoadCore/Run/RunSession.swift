/// The decisions of one run, without I/O: when each second's measurements are due and which phase they belong to,
/// when the load stops early (`abort_on_fail` after its grace, the chaos abort condition, an interrupt), which phases
/// are judged and the verdict. `ScenarioRunner` feeds it what happened and performs the `RunAction`s it returns;
/// tests drive it on a manual clock.
public struct RunSession<C: Clock> where C.Duration == Duration {
    /// A phase as it is judged at the end: from its start until its end or the early stop, whichever came first.
    public struct PhaseWindow: Sendable, Equatable {
        public var index: Int
        public var name: String
        /// Offsets from the run's start.
        public var start: Duration
        public var end: Duration
        public var elapsed: Duration { end - start }
    }

    /// The seconds one collection took, ready to store, and what to do about them.
    public struct Collected {
        /// Every second from the last collection on, empty seconds included, in order.
        public var seconds: [SecondBucket]
        /// The phase each of `seconds` belongs to.
        public var phases: [String]
        public var actions: [RunAction]
    }

    /// How long after a second's end its row is collected, so responses completing right at the boundary count in it.
    public static var settle: Duration { .milliseconds(20) }

    public let plan: RunPlan
    /// When the schedule starts: second 0 of every row and offset 0 of every event.
    public let runStart: C.Instant
    public private(set) var interrupted = false
    /// The `abort_on_fail` thresholds that stopped the load (empty when none did).
    public private(set) var abortViolations: [SLAOutcome] = []
    /// The chaos abort condition's description, once it has stopped the load.
    public private(set) var chaosAbortReason: String?
    /// Why the load stopped for something outside this run's rules — another segment of a split run aborted, a
    /// unique data feed ran out — once that has stopped it.
    public private(set) var peerAbortReason: String?
    /// The stored event's name for `peerAbortReason` (`peer_abort`, `data_exhausted`).
    private var stopEventName = "peer_abort"
    /// When the load was stopped before its schedule ended.
    public private(set) var stoppedEarlyAt: C.Instant?
    /// Requests that failed so far (`OutcomeCounts.errors`), and those of them dropped by the generator.
    public private(set) var errorsSoFar = 0
    public private(set) var droppedSoFar = 0
    private var collections = 0
    private var nextSecond = 0
    private var chaosWatch: ChaosAbortWatch?

    public init(plan: RunPlan, runStart: C.Instant) {
        self.plan = plan
        self.runStart = runStart
        chaosWatch = plan.chaosAbort.map(ChaosAbortWatch.init)
    }

    /// When the shell should collect next: the end of the next second, plus `settle`.
    public var nextCollection: C.Instant { runStart.advanced(by: .seconds(collections + 1) + Self.settle) }

    /// Time since the schedule's start (negative before it).
    public func elapsed(at now: C.Instant) -> Duration { runStart.duration(to: now) }

    /// The phase running at `now`; nil before the start and after the end.
    public func phase(at now: C.Instant) -> Int? { plan.phase(atOffset: elapsed(at: now)) }

    /// The seconds that have ended at `now` (take the engine's seconds before this one); every second once the
    /// engine is done.
    public func secondsEnded(at now: C.Instant, engineDone: Bool) -> Int {
        if engineDone { return .max }
        return max(0, Int(elapsed(at: now).components.seconds))
    }

    /// Takes the seconds collected at `now` (sorted by second): seconds in which nothing happened get empty rows, so
    /// charts and recovery maths see them; each is assigned its phase and fed to the chaos abort condition.
    public mutating func collect(_ buckets: [SecondBucket], at now: C.Instant, engineDone: Bool) -> Collected {
        collections += 1
        let through = engineDone ? buckets.last?.second ?? (nextSecond - 1) : secondsEnded(at: now, engineDone: false) - 1
        let seconds = SecondGaps.filled(buckets, from: nextSecond, through: through)
        nextSecond = max(nextSecond, (seconds.last?.second ?? (nextSecond - 1)) + 1)
        for second in seconds {
            errorsSoFar += second.errorCount
            droppedSoFar += second.errors[.dropped, default: 0]
        }
        let phases = seconds.map { plan.phaseName(atOffset: .seconds($0.second)) }
        return Collected(seconds: seconds, phases: phases, actions: watchChaosAbort(seconds, engineDone: engineDone, at: now))
    }

    private mutating func watchChaosAbort(_ seconds: [SecondBucket], engineDone: Bool, at now: C.Instant) -> [RunAction] {
        guard var watch = chaosWatch, let condition = plan.chaosAbort else { return [] }
        var holds = false
        for second in seconds where watch.observe(SecondSample(second)) { holds = true }
        chaosWatch = watch
        // A finished run has nothing left to stop; the experiment's end reverts what is still active.
        guard holds, !engineDone, chaosAbortReason == nil, !interrupted else { return [] }
        let reason = "chaos abort condition: error rate at or above \(Int(condition.errorRate * 100))% for \(condition.duration)"
        chaosAbortReason = reason
        stoppedEarlyAt = stoppedEarlyAt ?? now
        return [
            .note(reason + "; reverting every fault and stopping the load"), .stopEngine, .revertFaults(reason: reason),
            .announceAbort(reason: reason),
        ]
    }

    /// The phase whose `abort_on_fail` rules should be judged at `now` (the shell then reads its stats so far);
    /// nil when none applies or the load is already stopping.
    public func phaseForAbortRules(at now: C.Instant) -> Int? {
        guard abortViolations.isEmpty, !interrupted, peerAbortReason == nil, let index = phase(at: now) else { return nil }
        return plan.abortRules.contains { $0.applies(to: plan.phaseNames[index]) } ? index : nil
    }

    /// Judges phase `index`'s abort rules on its requests so far; a breach after the rule's grace stops the load.
    public mutating func judgeAbortRules(phase index: Int, requests: [String: RequestStats], at now: C.Instant) -> [RunAction] {
        guard abortViolations.isEmpty, !interrupted, peerAbortReason == nil else { return [] }
        let measured = PhaseMeasurements(
            name: plan.phaseNames[index], elapsed: elapsed(at: now) - plan.start(of: index), requests: requests)
        let violations = SLAEvaluator.abortViolations(rules: plan.abortRules, current: measured)
        guard !violations.isEmpty else { return [] }
        abortViolations = violations
        stoppedEarlyAt = now
        let described =
            "abort_on_fail: "
            + violations.map { "\($0.phase) \($0.threshold) \($0.observedText) > \($0.limit)" }
            .joined(separator: "; ")
        return [.note(described), .stopEngine, .announceAbort(reason: described)]
    }

    /// Ctrl-C or SIGTERM at `now`: stop the load and revert the faults, keeping what was measured.
    public mutating func interrupt(at now: C.Instant) -> [RunAction] {
        guard !interrupted else { return [] }
        interrupted = true
        stoppedEarlyAt = stoppedEarlyAt ?? now
        return [
            .note("interrupted: stopping the load, reverting any fault, saving what was measured"), .stopEngine,
            .revertFaults(reason: "interrupted"),
        ]
    }

    /// Another segment of a split run aborted (`reason` says which and why): this one stops its load too.
    public mutating func peerAborted(_ reason: String, at now: C.Instant) -> [RunAction] {
        stopLoad(because: reason, event: "peer_abort", note: reason + "; stopping this segment's load", at: now)
    }

    /// The load cannot go on (a `unique` data feed ran out): it stops, and the run fails with `reason`.
    public mutating func dataExhausted(_ reason: String, at now: C.Instant) -> [RunAction] {
        stopLoad(because: reason, event: "data_exhausted", note: reason + "; stopping the load", at: now)
    }

    private mutating func stopLoad(because reason: String, event: String, note: String, at now: C.Instant) -> [RunAction] {
        guard !stoppedEarly else { return [] }
        peerAbortReason = reason
        stopEventName = event
        stoppedEarlyAt = now
        return [.note(note), .stopEngine, .revertFaults(reason: reason)]
    }

    /// True when the load stopped before its schedule ended (actions still running are then cancelled).
    public var stoppedEarly: Bool {
        interrupted || !abortViolations.isEmpty || chaosAbortReason != nil || peerAbortReason != nil
    }

    /// Where the run's measurements end: the early stop, or the schedule's end.
    public var measuredUntil: Duration {
        stoppedEarlyAt.map { max(.zero, min(elapsed(at: $0), plan.totalDuration)) } ?? plan.totalDuration
    }

    /// The phases to judge: those that started before the run stopped, each up to its end or the stop (phases that
    /// never started are left out rather than judged empty).
    public var phaseWindows: [PhaseWindow] {
        plan.phaseNames.indices.compactMap { index in
            let start = plan.start(of: index)
            guard start < measuredUntil else { return nil }
            return PhaseWindow(
                index: index, name: plan.phaseNames[index], start: start, end: min(plan.end(of: index), measuredUntil))
        }
    }

    /// The run's verdict from how it stopped and what was judged (`RunVerdict` gives the order).
    public func verdict(
        faultsNotInjected: [String], failedActions: [String], outcomes: [SLAOutcome], traffic: OutcomeCounts
    ) -> RunVerdict {
        RunVerdict(
            interrupted: interrupted, abortedByRule: !abortViolations.isEmpty, chaosAbort: chaosAbortReason,
            peerAbort: peerAbortReason, faultsNotInjected: faultsNotInjected, failedActions: failedActions, outcomes: outcomes,
            traffic: traffic)
    }

    /// The run's own events: the `abort_on_fail` stop with the thresholds that caused it, the interrupt.
    public var events: [RunEvent] {
        guard let stoppedEarlyAt else { return [] }
        let atMs = max(0, elapsed(at: stoppedEarlyAt).milliseconds)
        var events: [RunEvent] = []
        if !abortViolations.isEmpty {
            let detail = Dictionary(
                abortViolations.map { ("\($0.phase) \($0.threshold)", "\($0.observedText) > \($0.limit)") },
                uniquingKeysWith: { first, _ in first })
            events.append(RunEvent(atMs: atMs, kind: "sla", name: "abort_on_fail", detail: detail, outcome: "aborted"))
        }
        if let peerAbortReason {
            events.append(
                RunEvent(atMs: atMs, kind: "run", name: stopEventName, detail: ["reason": peerAbortReason], outcome: "aborted"))
        }
        if interrupted { events.append(RunEvent(atMs: atMs, kind: "run", name: "interrupted")) }
        return events
    }
}
