import GRDB

/// One row of `sla_results`: one threshold of one SLA rule, applied to one phase (and request), and its outcome.
public struct SLAResultRecord: Sendable, Equatable, Codable, FetchableRecord, TableRecord, EncodableRecord {
    public static let databaseTableName = "sla_results"

    public var phase: String
    /// A request name, or nil when the rule covers every request of the phase.
    public var request: String?
    /// The scenario key of the threshold: `p99`, `error_rate`, `check_rate`, `min_throughput`, `max_dropped`, ...
    public var threshold: String
    /// The limit as the scenario wrote it, e.g. `500ms`, `1%`.
    public var limitText: String
    /// The limit in `unit`.
    public var limitValue: Double
    /// The observed value in `unit` (corrected latency for latency thresholds).
    public var observed: Double
    /// The observed value for people, e.g. `312.4ms`.
    public var observedText: String
    /// For latency thresholds, the uncorrected latency in `unit`, shown beside the corrected one.
    public var uncorrectedObserved: Double?
    /// `us`, `ratio`, `per_second` or `count`.
    public var unit: String
    public var passed: Bool

    enum CodingKeys: String, CodingKey {
        case phase, request, threshold
        case limitText = "limit_text"
        case limitValue = "limit_value"
        case observed
        case observedText = "observed_text"
        case uncorrectedObserved = "uncorrected_observed"
        case unit, passed
    }

    public init(
        phase: String, request: String?, threshold: String, limitText: String, limitValue: Double, observed: Double,
        observedText: String, uncorrectedObserved: Double? = nil, unit: String, passed: Bool
    ) {
        self.phase = phase
        self.request = request
        self.threshold = threshold
        self.limitText = limitText
        self.limitValue = limitValue
        self.observed = observed
        self.observedText = observedText
        self.uncorrectedObserved = uncorrectedObserved
        self.unit = unit
        self.passed = passed
    }
}
