/// `--duration-scale`: the same scenario shortened or stretched in time, e.g. a 0.1 smoke run of a long test.
extension Scenario {
    /// Scales phase durations, ramp stage durations, burst `every`/`for`, action times, the bundled target's
    /// `backup_every`, chaos steps' `at`/`for`, the chaos recovery window, and SLA grace by `factor` (> 0); rates, user
    /// counts, think times and timeouts stay as they are. Scaled durations are at least 1 ms.
    public func scaled(by factor: Double) -> Scenario {
        precondition(factor > 0 && factor.isFinite, "duration scale must be a positive number")
        guard factor != 1 else { return self }
        var scenario = self
        scenario.phases = phases.map { phase in
            PhaseSpec(name: phase.name, duration: phase.duration.scaled(by: factor), load: phase.load.scaled(by: factor))
        }
        scenario.sla = sla.map { rule in
            var rule = rule
            rule.grace = rule.grace == .zero ? .zero : rule.grace.scaled(by: factor)
            return rule
        }
        // Scheduled backups keep their rhythm relative to the phases, so a short form still has a backup to
        // restore before its disaster (never more often than the service allows, once a second).
        if case .bundled(var bundled) = target, let every = bundled.backupEvery {
            bundled.backupEvery = Swift.max(.seconds(1), every.scaled(by: factor))
            scenario.target = .bundled(bundled)
        }
        // Actions keep their place on the shortened timeline; their timeouts stay, like request timeouts.
        scenario.actions = actions.map { action in
            var action = action
            action.at = action.at == .zero ? .zero : action.at.scaled(by: factor)
            return action
        }
        // Faults keep their place and length on the shortened timeline, and so does the recovery window; the
        // abort condition is a safety rail in real time and stays as written.
        if var chaos = scenario.chaos {
            chaos.steps = chaos.steps.map { step in
                var step = step
                step.at = step.at == .zero ? .zero : step.at.scaled(by: factor)
                step.duration = step.duration.scaled(by: factor)
                return step
            }
            chaos.recoverySeconds = Swift.max(1, Int((Double(chaos.recoverySeconds) * factor).rounded()))
            scenario.chaos = chaos
        }
        return scenario
    }
}
