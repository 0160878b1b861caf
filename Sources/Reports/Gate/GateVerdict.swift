/// What the gate concluded about one metric.
public enum GateVerdict: String, Sendable, Codable {
    /// Within the margin, or the change is within run-to-run noise.
    case pass
    /// Worse by more than the margin and the interval excludes no change: fails the gate.
    case regressed
    /// Better by more than the margin and the interval excludes no change (information only).
    case improved
    /// Too few seconds with data in one of the runs to judge (information only).
    case insufficientData = "insufficient_data"
}
