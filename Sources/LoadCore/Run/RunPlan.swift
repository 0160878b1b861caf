/// The parts of a scenario a run session decides on: the phases' names and lengths, the rules that may stop the
/// load early (`abort_on_fail` SLAs, the chaos abort condition).
public struct RunPlan: Sendable {
    public var phaseNames: [String]
    public var phaseDurations: [Duration]
    /// SLA rules with `abort_on_fail`, judged while their phase runs.
    public var abortRules: [SLARule]
    public var chaosAbort: ChaosAbortCondition?

    public init(phases: [(name: String, duration: Duration)], abortRules: [SLARule] = [], chaosAbort: ChaosAbortCondition? = nil)
    {
        precondition(!phases.isEmpty, "a run has at least one phase")
        phaseNames = phases.map(\.name)
        // Negative lengths count as zero, as the engine's timeline counts them.
        phaseDurations = phases.map { max(.zero, $0.duration) }
        self.abortRules = abortRules.filter(\.abortOnFail)
        self.chaosAbort = chaosAbort
    }

    /// Length of the whole schedule.
    public var totalDuration: Duration { phaseDurations.reduce(.zero, +) }

    /// Offset of phase `index`'s start from the run's start.
    public func start(of index: Int) -> Duration { phaseDurations[..<index].reduce(.zero, +) }

    /// Offset of phase `index`'s end from the run's start.
    public func end(of index: Int) -> Duration { start(of: index) + phaseDurations[index] }

    /// The phase running `offset` after the start; nil before the start and from the end on.
    public func phase(atOffset offset: Duration) -> Int? {
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
    public func phaseName(atOffset offset: Duration) -> String {
        if offset < .zero { return phaseNames[0] }
        return phase(atOffset: offset).map { phaseNames[$0] } ?? phaseNames[phaseNames.count - 1]
    }
}
