/// How strict the regression gate is and how it resamples.
public struct GateSettings: Sendable, Equatable, Codable {
    /// Tolerated worsening as a ratio: 0.1 lets p99 grow by 10 % (and an error rate by 10 % of itself).
    public var margin: Double
    /// The smallest error-rate rise that can fail the gate, in absolute terms (0.005 = 0.5 percentage points), so a
    /// single error on a clean baseline (0 → 0.1 %) is not a regression.
    public var errorRateFloor: Double
    /// Two-sided confidence of the bootstrap interval.
    public var confidence: Double
    public var resamples: Int
    public var seed: UInt64
    /// Fewer seconds with data than this in either run: the metric is reported but not judged.
    public var minimumSeconds: Int
    /// Responses a run needs beyond a percentile for it to be judged (10: p99 needs 1,000 responses, p90 100).
    public var minimumTail: Int

    public init(
        margin: Double = 0.10, errorRateFloor: Double = 0.005, confidence: Double = 0.95, resamples: Int = 1000,
        seed: UInt64 = 0x6C6F_6164_6765_6E21, minimumSeconds: Int = 5,
        minimumTail: Int = 10
    ) {
        self.margin = margin
        self.errorRateFloor = errorRateFloor
        self.confidence = confidence
        self.resamples = resamples
        self.seed = seed
        self.minimumSeconds = minimumSeconds
        self.minimumTail = minimumTail
    }

    /// The latency percentiles the gate judges. p99.9 and max are left out: on a run of a few thousand requests
    /// they rest on a handful of responses and move by tens of percent between two runs of the same build.
    public static let percentiles: [ComparedMetric] = [.p50, .p90, .p95, .p99]
    /// Judged beside them from the latency of every attempt, so a candidate that fails faster cannot look better.
    public static let allAttemptsPercentiles: [ComparedMetric] = [.allAttemptsP99]
}
