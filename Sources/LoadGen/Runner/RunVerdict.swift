import Reports

/// How a run ended, in order of precedence: interrupted, aborted (abort_on_fail or the chaos abort condition),
/// faults that could not be injected, failed actions, breached SLAs, passed. The first that applies decides the
/// exit code, the stored status and the summary's verdict line.
struct RunVerdict {
    var exitCode: RunExitCode
    var status: RunStatus
    var text: String

    init(
        interrupted: Bool, abortedByRule: Bool, chaosAbort: String?, faultsNotInjected: [String], failedActions: [ActionResult],
        outcomes: [SLAOutcome]
    ) {
        let breached = outcomes.filter { !$0.passed }
        if interrupted {
            (exitCode, status, text) = (.interrupted, .aborted, "INTERRUPTED: results up to the interruption are stored")
        } else if abortedByRule {
            (exitCode, status, text) = (.slaBreached, .failed, "FAILED: aborted by abort_on_fail")
        } else if let chaosAbort {
            (exitCode, status, text) = (.slaBreached, .failed, "FAILED: aborted by the \(chaosAbort)")
        } else if !faultsNotInjected.isEmpty {
            (exitCode, status, text) = (
                .slaBreached, .failed,
                "FAILED: \(faultsNotInjected.count) fault(s) not injected: " + faultsNotInjected.joined(separator: "; ")
            )
        } else if !failedActions.isEmpty {
            let names = failedActions.map { "actions[\($0.index)] \($0.spec.action.name)" }.joined(separator: ", ")
            (exitCode, status, text) = (.slaBreached, .failed, "FAILED: \(failedActions.count) action(s) failed: " + names)
        } else if !breached.isEmpty {
            (exitCode, status, text) = (
                .slaBreached, .failed, "FAILED: \(breached.count) of \(outcomes.count) SLA thresholds breached"
            )
        } else {
            (exitCode, status, text) = (
                .passed, .passed,
                outcomes.isEmpty ? "PASSED (no SLA defined)" : "PASSED: all \(outcomes.count) SLA thresholds met"
            )
        }
    }
}
