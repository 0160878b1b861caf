/// A measure two runs are compared on, per phase × request.
public enum ComparedMetric: String, Sendable, CaseIterable, Codable {
    /// Latency percentiles as a bare SLA percentile judges them: successes, every failed request counted beyond them.
    case p50, p90, p95, p99, p999 = "p99.9", max
    /// p99 of every request that was due, failures at their elapsed time (drops beyond every value).
    case allAttemptsP99 = "all_attempts_p99"
    case errorRate = "error_rate"
    /// Checked responses that passed their checks: a drop is wrong answers at the same speed.
    case checkRate = "check_rate"
    case throughput

    /// Whether a larger value is worse (latency, errors) or better (throughput, passed checks).
    public var higherIsWorse: Bool { self != .throughput && self != .checkRate }

    /// A rate between 0 and 1 (error rate, check rate), compared as a difference in percentage points.
    public var isRate: Bool { self == .errorRate || self == .checkRate }

    /// Latency percentiles (µs); the gate tests these with resampling.
    public var isLatency: Bool {
        switch self {
        case .p50, .p90, .p95, .p99, .p999, .max, .allAttemptsP99: true
        case .errorRate, .checkRate, .throughput: false
        }
    }

    /// Read from the latency of every attempt rather than the judged latency.
    public var ofAllAttempts: Bool { self == .allAttemptsP99 }

    /// The percentile (0–100) of a latency metric.
    public var percentile: Double? {
        switch self {
        case .p50: 50
        case .p90: 90
        case .p95: 95
        case .p99, .allAttemptsP99: 99
        case .p999: 99.9
        case .max: 100
        case .errorRate, .checkRate, .throughput: nil
        }
    }
}

extension ComparedMetric {
    /// The words for a latency value at the top of the histogram's range, where no finite latency was measured:
    /// the percentile falls among failed requests (judged latency) or dropped ones (all attempts). Nil otherwise.
    public func beyondRangeText(_ micros: Double) -> String? {
        guard isLatency, LatencyHistogram.isBeyondRange(micros) else { return nil }
        return ofAllAttempts ? "dropped" : "failed"
    }
}
