import Chaos
import Reports

/// What a chaos experiment found, once it is over: per fault the recovery time and the errors while it was
/// active, the steady-state verdict, the faults that could not be injected, and the SLA outcomes of `recovery`
/// and `steady_state` limits.
public struct ChaosReport: Sendable {
    public var events: [EventRecord] = []
    public var outcomes: [SLAOutcome] = []
    /// Injections that failed or that this machine could not do; they fail the run.
    public var failedInjections: [String] = []
    public var summary: String = ""
}

extension ChaosExperiment {
    /// Judges the experiment against `rules`; `phaseAt` names the phase at a time of the run (ms).
    public func report(rules: [SLARule], phaseAt: (Int64) -> String) -> ChaosReport {
        let log = self.log.withLock { $0 }
        var report = ChaosReport()
        var lines: [String] = []
        let seconds = { (ms: Int64) in String(format: "%.1fs", Double(ms) / 1000) }

        for window in log.faults.sorted(by: { $0.injectedAtMs < $1.injectedAtMs }) {
            let phase = phaseAt(window.revertedAtMs)
            let judged = rules.filter { $0.request == nil && ($0.phase == "*" || $0.phase == phase) }
            let timer = FaultRecoveryTimer(
                samples: log.samples, injectedAtMs: window.injectedAtMs, revertedAtMs: window.revertedAtMs,
                thresholds: judged.flatMap(\.thresholds), consecutive: spec.recoverySeconds)
            let recovered =
                timer.recoveryMs.map { "recovered \(seconds($0)) after the revert" } ?? "not recovered by the end of the run"
            lines.append(
                "  \(window.label) at \(seconds(window.injectedAtMs)) for \(seconds(window.revertedAtMs - window.injectedAtMs)): "
                    + "\(timer.errorsDuringFault) errors in \(timer.attemptsDuringFault) requests while active; \(recovered)")
            report.events.append(
                EventRecord(
                    atMs: window.revertedAtMs, kind: "chaos", name: "recovery[\(window.step)]",
                    detail: [
                        "recovery_ms": timer.recoveryMs.map(String.init) ?? "none",
                        "errors_during_fault": "\(timer.errorsDuringFault)",
                        "requests_during_fault": "\(timer.attemptsDuringFault)", "consecutive_seconds": "\(spec.recoverySeconds)",
                        "fault": window.label,
                    ],
                    durationMs: timer.recoveryMs, outcome: timer.recoveryMs == nil ? "not recovered" : "ok"))
            for rule in judged {
                guard let limit = rule.recovery else { continue }
                let observed = timer.recoveryMs
                report.outcomes.append(
                    SLAOutcome(
                        phase: phase, request: nil, threshold: "recovery", limit: ValueSyntax.text(limit),
                        limitValue: Double(limit.milliseconds),
                        observed: Double(observed ?? 0),
                        observedText: "\(window.label): " + (observed.map(seconds) ?? "not recovered")
                            + ", \(timer.errorsDuringFault) errors during",
                        passed: observed.map { $0 <= limit.milliseconds } ?? false, unit: "ms"))
            }
        }
        for event in log.failedInjections {
            if event.outcome == .skipped {
                lines.append("  \(event.label): skipped (\(event.detail))")
            } else {
                lines.append("  \(event.label): \(event.outcome.rawValue.uppercased()) — \(event.detail)")
                report.failedInjections.append("\(event.label) \(event.outcome.rawValue): \(event.detail)")
            }
        }
        if log.supervisorRestarts > 0 { lines.append("  supervisor: \(log.supervisorRestarts) replica restart(s)") }
        steadyState(log: log, rules: rules, phaseAt: phaseAt, into: &report, lines: &lines)
        report.summary = lines.isEmpty ? "" : "chaos:\n" + lines.joined(separator: "\n") + "\n"
        return report
    }

    private func steadyState(
        log: Log, rules: [SLARule], phaseAt: (Int64) -> String, into report: inout ChaosReport, lines: inout [String]
    ) {
        guard let prober = steadyStateProber else { return }
        let firstInjection = log.faults.map(\.injectedAtMs).min() ?? spec.steps.map { $0.at.milliseconds }.min() ?? 0
        let lastRevert = log.faults.map(\.revertedAtMs).max() ?? spec.steps.map { ($0.at + $0.duration).milliseconds }.max() ?? 0
        let verdict = SteadyStateVerdict(
            rounds: prober.recordedRounds, firstInjectionMs: firstInjection, lastRevertMs: lastRevert)
        let failures = prober.lastFailures
        var text: String
        switch verdict.heldBefore {
        case true?: text = "held before the faults"
        case false?:
            text =
                "did NOT hold before the faults (\(verdict.failedBefore.map { "\($0): \(failures[$0] ?? "failed")" }.joined(separator: "; ")))"
        case nil: text = "not probed before the faults"
        }
        text += ", deviated in \(verdict.deviatingRounds) round(s) during them, "
        text +=
            verdict.reestablishedAfterMs.map { String(format: "re-established %.1fs after the last revert", Double($0) / 1000) }
            ?? "not re-established by the end of the run"
        lines.append("  steady state: \(verdict.held ? "HELD" : "NOT HELD"): \(text)")
        var detail = [
            "held_before": verdict.heldBefore.map { "\($0)" } ?? "not probed", "deviating_rounds": "\(verdict.deviatingRounds)",
            "rounds": "\(prober.recordedRounds.count)",
            "reestablished_after_ms": verdict.reestablishedAfterMs.map(String.init) ?? "never",
        ]
        for (probe, failure) in failures { detail["last_failure.\(probe)"] = failure }
        report.events.append(
            EventRecord(
                atMs: lastRevert, kind: "steady_state", name: "hypothesis", detail: detail,
                durationMs: verdict.reestablishedAfterMs,
                outcome: verdict.held ? "held" : "not held"))
        for rule in rules where rule.steadyState {
            report.outcomes.append(
                SLAOutcome(
                    phase: rule.phase == "*" ? phaseAt(lastRevert) : rule.phase, request: nil, threshold: "steady_state",
                    limit: "held", limitValue: 1,
                    observed: verdict.held ? 1 : 0, observedText: verdict.held ? "held" : "not held", passed: verdict.held,
                    unit: "count"))
        }
    }
}
