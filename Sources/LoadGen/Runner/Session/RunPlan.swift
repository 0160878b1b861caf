/// The parts of a scenario a run session decides on: the phases' names and lengths, the rules that may stop the
/// load early (`abort_on_fail` SLAs, the chaos abort condition).
struct RunPlan: Sendable {
    var phaseNames: [String]
    var phaseDurations: [Duration]
    /// SLA rules with `abort_on_fail`, judged while their phase runs.
    var abortRules: [SLARule]
    var chaosAbort: ChaosAbortCondition?

    init(phases: [(name: String, duration: Duration)], abortRules: [SLARule] = [], chaosAbort: ChaosAbortCondition? = nil) {
        precondition(!phases.isEmpty, "a run has at least one phase")
        phaseNames = phases.map(\.name)
        // Negative lengths count as zero, as the engine's timeline counts them.
        phaseDurations = phases.map { max(.zero, $0.duration) }
        self.abortRules = abortRules.filter(\.abortOnFail)
        self.chaosAbort = chaosAbort
    }

    init(_ scenario: Scenario) {
        self.init(
            phases: scenario.phases.map { ($0.name, $0.duration) }, abortRules: scenario.sla, chaosAbort: scenario.chaos?.abort)
    }

    /// Length of the whole schedule.
    var totalDuration: Duration { phaseDurations.reduce(.zero, +) }

    /// Offset of phase `index`'s start from the run's start.
    func start(of index: Int) -> Duration { phaseDurations[..<index].reduce(.zero, +) }

    /// Offset of phase `index`'s end from the run's start.
    func end(of index: Int) -> Duration { start(of: index) + phaseDurations[index] }

    /// The phase running `offset` after the start; nil before the start and from the end on.
    func phase(atOffset offset: Duration) -> Int? {
        guard offset >= .zero else { return nil }
        var end = Duration.zero
        for (index, duration) in phaseDurations.enumerated() {
            end += duration
            if offset < end { return index }
        }
        return nil
    }

    /// The name of the phase `offset` falls in; offsets outside the schedule (responses settling after the end) go to
    /// the nearest phase.
    func phaseName(atOffset offset: Duration) -> String {
        if offset < .zero { return phaseNames[0] }
        return phase(atOffset: offset).map { phaseNames[$0] } ?? phaseNames[phaseNames.count - 1]
    }
}
