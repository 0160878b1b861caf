/// One judged metric of one phase: both values, the change and its bootstrap interval, and the verdict.
public struct GateMetricResult: Sendable, Equatable, Codable {
    public var phase: String
    /// `*`: per-second histograms cover every request of the phase together.
    public var request: String
    public var metric: ComparedMetric
    /// Latency in µs, error rate as a ratio.
    public var baseline: Double
    public var candidate: Double
    /// Latency: candidate / baseline. Error rate: candidate − baseline (absolute).
    public var change: Double
    /// The bootstrap interval of `change`.
    public var low: Double
    public var high: Double
    /// The change past which (and beyond noise) the metric fails: a ratio for latency, absolute for error rate.
    public var limit: Double
    public var verdict: GateVerdict
    /// Seconds the judgement rests on, per run.
    public var baselineSeconds: Int
    public var candidateSeconds: Int

    enum CodingKeys: String, CodingKey {
        case phase, request, metric, baseline, candidate, change, low, high, limit, verdict
        case baselineSeconds = "baseline_seconds"
        case candidateSeconds = "candidate_seconds"
    }
}
