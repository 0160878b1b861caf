/// Where a stored run ended up. A run still `running` when the store is next opened was killed: it becomes `aborted`.
public enum RunStatus: String, Sendable, Codable, CaseIterable {
    case running
    /// Every SLA met.
    case passed
    /// At least one SLA breached (or aborted by `abort_on_fail`).
    case failed
    /// Ended early: interrupted, killed, or the target failed.
    case aborted
}
