/// A measure two runs are compared on, per phase × request.
public enum ComparedMetric: String, Sendable, CaseIterable, Codable {
    case p50, p90, p95, p99, p999 = "p99.9", max
    case errorRate = "error_rate"
    case throughput

    /// Whether a larger value is worse (latency, errors) or better (throughput).
    public var higherIsWorse: Bool { self != .throughput }

    /// Latency percentiles (µs); the gate tests these with resampling.
    public var isLatency: Bool {
        switch self {
        case .p50, .p90, .p95, .p99, .p999, .max: true
        case .errorRate, .throughput: false
        }
    }

    /// The percentile (0–100) of a latency metric.
    public var percentile: Double? {
        switch self {
        case .p50: 50
        case .p90: 90
        case .p95: 95
        case .p99: 99
        case .p999: 99.9
        case .max: 100
        case .errorRate, .throughput: nil
        }
    }
}
