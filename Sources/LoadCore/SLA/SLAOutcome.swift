/// One threshold judged: observed vs limit.
public struct SLAOutcome: Sendable, Equatable {
    public var phase: String
    /// The request the rule is about, or nil for all requests of the phase together.
    public var request: String?
    /// The scenario key of the threshold: `p99`, `error_rate`, `min_throughput`, ...
    public var threshold: String
    /// The limit as a scenario would write it: `500ms`, `1%`, `10/s`.
    public var limit: String
    /// The limit in `unit`.
    public var limitValue: Double
    /// The measured value in `unit` (0 when there was nothing to measure; `observedText` then says so).
    public var observed: Double
    public var observedText: String
    /// Latency thresholds: the uncorrected value (from the actual send time) beside the corrected one, in ms.
    public var uncorrectedObserved: Double?
    public var passed: Bool
    /// `ms`, `ratio`, `req/s` or `count`.
    public var unit: String

    public init(
        phase: String, request: String?, threshold: String, limit: String, limitValue: Double, observed: Double,
        observedText: String, uncorrectedObserved: Double? = nil, passed: Bool, unit: String
    ) {
        self.phase = phase
        self.request = request
        self.threshold = threshold
        self.limit = limit
        self.limitValue = limitValue
        self.observed = observed
        self.observedText = observedText
        self.uncorrectedObserved = uncorrectedObserved
        self.passed = passed
        self.unit = unit
    }
}
