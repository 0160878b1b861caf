/// `loadgen run`'s exit codes (documented in README and docs/scenarios.md): what a CI job gates on.
public enum RunExitCode: Int32, Sendable {
    /// Every SLA met.
    case passed = 0
    /// At least one SLA breached, or the run was aborted by `abort_on_fail`.
    case slaBreached = 1
    /// The scenario file or the command line is invalid; nothing was sent.
    case invalidScenario = 2
    /// The run could not happen: target never ready, store unwritable, payloads unreadable.
    case couldNotRun = 3
    /// Interrupted by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).
    case interrupted = 130
}
