/// What the gate concluded about one metric.
public enum GateVerdict: String, Sendable, Codable {
    /// Within the margin, or the change is within run-to-run noise.
    case pass
    /// Worse by more than the margin beyond noise (the interval's lower end past the margin): fails the gate.
    case regressed
    /// Better by more than the margin beyond noise (the interval's upper end past it; information only).
    case improved
    /// Too few seconds with data in one of the runs to judge (information only).
    case insufficientData = "insufficient_data"
}
