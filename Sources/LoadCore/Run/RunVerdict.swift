/// How a run ended, in order of precedence: interrupted, aborted (abort_on_fail, the chaos abort condition, then
/// another segment's abort),
/// faults that could not be injected, failed actions, breached SLAs, passed. The first that applies decides the
/// exit code, the stored status and the summary's verdict line.
public struct RunVerdict: Sendable, Equatable {
    public var exitCode: RunExitCode
    public var status: RunStatus
    /// The summary's verdict line.
    public var text: String

    /// `failedActions` names each action that failed without `continue_on_failure` (`actions[0] model.activate`).
    /// `traffic` is how the run's requests ended; with no SLA it alone decides: a run in which no request got a
    /// response its expectations accept failed (exit 1), whatever else happened, so that a run against a dead target
    /// never reads as a pass. A scenario that expects failures says so in `expect.status`.
    public init(
        interrupted: Bool, abortedByRule: Bool, chaosAbort: String?, peerAbort: String? = nil, faultsNotInjected: [String],
        failedActions: [String],
        outcomes: [SLAOutcome], traffic: OutcomeCounts
    ) {
        let breached = outcomes.filter { !$0.passed }
        if interrupted {
            (exitCode, status, text) = (.interrupted, .aborted, "INTERRUPTED: results up to the interruption are stored")
        } else if abortedByRule {
            (exitCode, status, text) = (.slaBreached, .failed, "FAILED: aborted by abort_on_fail")
        } else if let chaosAbort {
            (exitCode, status, text) = (.slaBreached, .failed, "FAILED: aborted by the \(chaosAbort)")
        } else if let peerAbort {
            (exitCode, status, text) = (.slaBreached, .failed, "FAILED: stopped because \(peerAbort)")
        } else if !faultsNotInjected.isEmpty {
            (exitCode, status, text) = (
                .slaBreached, .failed,
                "FAILED: \(faultsNotInjected.count) fault(s) not injected: " + faultsNotInjected.joined(separator: "; ")
            )
        } else if !failedActions.isEmpty {
            (exitCode, status, text) = (
                .slaBreached, .failed,
                "FAILED: \(failedActions.count) action(s) failed: " + failedActions.joined(separator: ", ")
            )
        } else if outcomes.isEmpty, traffic.attempts - traffic.errors <= 0 {
            (exitCode, status, text) = (.slaBreached, .failed, "FAILED: " + Self.noSuccess(traffic) + " (no SLA defined)")
        } else if !breached.isEmpty {
            (exitCode, status, text) = (
                .slaBreached, .failed, "FAILED: \(breached.count) of \(outcomes.count) SLA thresholds breached"
            )
        } else {
            (exitCode, status, text) = (
                .passed, .passed,
                outcomes.isEmpty
                    ? "PASSED (no SLA defined): \(traffic.attempts - traffic.errors) of \(traffic.attempts) requests answered as expected"
                    : "PASSED: all \(outcomes.count) SLA thresholds met"
            )
        }
    }

    /// What a run with no accepted response did, in plain words.
    private static func noSuccess(_ traffic: OutcomeCounts) -> String {
        guard traffic.attempts > 0 else { return "no request was sent" }
        var parts: [String] = []
        if traffic.errorStatuses > 0 { parts.append("\(traffic.errorStatuses) answered with an unexpected status") }
        if traffic.endedWithoutResponse > 0 { parts.append("\(traffic.endedWithoutResponse) got no response") }
        return "none of \(traffic.attempts) requests got a response its expectations accept"
            + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
    }
}
