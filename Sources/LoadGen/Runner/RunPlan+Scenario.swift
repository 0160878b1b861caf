extension RunPlan {
    /// The plan of `scenario`: its phases, its `abort_on_fail` rules and its chaos abort condition.
    init(_ scenario: Scenario) {
        self.init(
            phases: scenario.phases.map { ($0.name, $0.duration) }, abortRules: scenario.sla, chaosAbort: scenario.chaos?.abort)
    }
}
