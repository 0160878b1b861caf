/// Judges SLA rules against phase measurements; pure, so the same numbers always give the same verdicts.
public enum SLAEvaluator {
    /// Every threshold of every rule, for each phase the rule names (`*`: each phase, in order).
    /// A rule naming a phase that did not run (an aborted run) yields no outcomes.
    public static func evaluate(rules: [SLARule], phases: [PhaseMeasurements]) -> [SLAOutcome] {
        rules.flatMap { rule in
            phases.filter { rule.applies(to: $0.name) }.flatMap { phase in
                rule.thresholds.map { judge($0, of: rule, in: phase) }
            }
        }
    }

    /// During the run: rules with abortOnFail whose phase matches and whose grace has passed; returns the failing
    /// outcomes. `min_throughput` is left out: a phase's throughput can only be judged once it has finished.
    public static func abortViolations(rules: [SLARule], current: PhaseMeasurements) -> [SLAOutcome] {
        rules.filter { $0.abortOnFail && $0.applies(to: current.name) && current.elapsed >= $0.grace }
            .flatMap { rule in
                rule.thresholds.filter { !$0.needsWholePhase }.map { judge($0, of: rule, in: current) }
            }
            .filter { !$0.passed }
    }

    public static func judge(_ threshold: Threshold, of rule: SLARule, in phase: PhaseMeasurements) -> SLAOutcome {
        let stats = phase.stats(for: rule.request)
        let verdict = ThresholdVerdict.judge(threshold, stats: stats, elapsed: phase.elapsed)
        return SLAOutcome(
            phase: phase.name, request: rule.request, threshold: threshold.key, limit: verdict.limit,
            limitValue: verdict.limitValue, observed: verdict.observed, observedText: verdict.observedText,
            uncorrectedObserved: verdict.uncorrectedObserved, passed: verdict.passed, unit: verdict.unit)
    }
}

extension SLARule {
    public func applies(to phase: String) -> Bool { self.phase == "*" || self.phase == phase }
}

extension Threshold {
    /// Thresholds that mean nothing until the phase is over.
    public var needsWholePhase: Bool {
        if case .minThroughput = self { return true }
        return false
    }
}
