import Histogram

/// One threshold measured against one phase's stats, with the numbers and texts an `SLAOutcome` reports.
public struct ThresholdVerdict {
    public var limit: String
    public var limitValue: Double
    public var observed: Double
    public var observedText: String
    public var uncorrectedObserved: Double? = nil
    public var passed: Bool
    public var unit: String

    public static func judge(_ threshold: Threshold, stats: RequestStats, elapsed: Duration) -> ThresholdVerdict {
        switch threshold {
        case .latency(let percentile, let limit):
            return latency(at: percentile, limit: limit, stats: stats)
        case .errorRate(let limit):
            return ThresholdVerdict(
                limit: SLAText.percent(limit), limitValue: limit, observed: stats.errorRate,
                observedText: SLAText.percent(stats.errorRate), passed: stats.errorRate <= limit, unit: "ratio")
        case .checkRate(let limit):
            // Said plainly rather than as a flattering 100 %: a request without header, JSON or detection checks
            // has nothing to fail (the threshold holds, "no content checks"); with no accepted response at all
            // nothing was checked and the threshold fails.
            guard stats.anythingChecked else {
                let answered = stats.outcomes.checked > 0
                return ThresholdVerdict(
                    limit: SLAText.percent(limit), limitValue: limit, observed: answered ? 1 : 0,
                    observedText: answered ? "no content checks" : "nothing answered", passed: answered, unit: "ratio")
            }
            return ThresholdVerdict(
                limit: SLAText.percent(limit), limitValue: limit, observed: stats.checkRate,
                observedText: SLAText.percent(stats.checkRate), passed: stats.checkRate >= limit, unit: "ratio")
        case .minThroughput(let limit):
            let seconds = elapsed.seconds
            let throughput = seconds > 0 ? Double(stats.completed) / seconds : 0
            return ThresholdVerdict(
                limit: limit.description, limitValue: limit.perSecond, observed: throughput,
                observedText: SLAText.decimal(throughput, places: 1) + "/s", passed: throughput >= limit.perSecond,
                unit: "req/s")
        case .maxDropped(let limit):
            return ThresholdVerdict(
                limit: String(limit), limitValue: Double(limit), observed: Double(stats.dropped),
                observedText: String(stats.dropped), passed: stats.dropped <= limit, unit: "count")
        }
    }

    /// Judged on the successes with every failed request counted beyond them (`JudgedLatency`): a percentile that
    /// falls among failures fails any limit, so requests that failed can never help a latency SLA pass.
    private static func latency(at percentile: LatencyPercentile, limit: Duration, stats: RequestStats) -> ThresholdVerdict {
        let limitMicroseconds = Double(limit.nanoseconds) / 1000
        var verdict = ThresholdVerdict(
            limit: SLAText.duration(limit), limitValue: limitMicroseconds / 1000, observed: 0,
            observedText: "no responses", passed: false, unit: "ms")
        let judged = stats.judgedLatency
        // Nothing ended: a latency limit must not pass for want of measurements.
        guard judged.totalCount > 0 else { return verdict }
        let corrected = value(at: percentile, in: judged)
        verdict.observed = Double(corrected) / 1000
        let uncorrected = stats.judgedUncorrectedLatency
        verdict.uncorrectedObserved = Double(value(at: percentile, in: uncorrected)) / 1000
        if LatencyHistogram.isBeyondRange(corrected, in: judged) {
            verdict.observedText = "failed requests (\(SLAText.percent(stats.errorRate)) failed)"
            return verdict
        }
        verdict.observedText = SLAText.decimal(verdict.observed, places: 2) + "ms"
        // The histogram keeps 3 significant digits, so a value is only known to within its bucket: a limit anywhere
        // in the observed value's bucket is met (a response of exactly 500 ms meets `p99: 500ms`).
        verdict.passed = Double(judged.lowestEquivalentForValue(corrected)) <= limitMicroseconds
        return verdict
    }

    /// µs at a percentile; `max` is the largest value recorded, not the top of its bucket.
    private static func value(at percentile: LatencyPercentile, in histogram: Histogram<UInt64>) -> UInt64 {
        percentile == .max ? histogram.maxRecorded : histogram.valueAtPercentile(percentile.value)
    }
}
