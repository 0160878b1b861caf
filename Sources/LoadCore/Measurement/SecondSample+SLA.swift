extension SecondSample {
    /// The sample of one second of load, judged as SLAs judge it: successes, with each failed request counted beyond
    /// them (a percentile among failures reads as 1 h, the top of the range, which no limit admits).
    public init(_ bucket: SecondBucket) {
        self.init(
            second: bucket.second, outcomes: bucket.outcomes, latencies: Bucket.of(bucket.judgedLatency),
            attemptLatencies: Bucket.of(bucket.attemptsLatency))
    }

    /// The judged latency at `percentile` in this second; nil without responses.
    public func latency(_ percentile: LatencyPercentile) -> Duration? {
        latencyUs(atPercentile: percentile == .max ? 100 : percentile.value).map { .microseconds(Int64($0)) }
    }

    /// Whether this second alone meets `thresholds` (error rate, latency percentiles, throughput; the thresholds
    /// that only make sense over a whole phase — check rate, dropped count — are left to the phase verdict).
    /// A second without traffic proves nothing: nil.
    public func holds(_ thresholds: [Threshold]) -> Bool? {
        guard attempted > 0 else { return nil }
        for threshold in thresholds {
            switch threshold {
            case .errorRate(let limit):
                if errorRate > limit { return false }
            case .latency(let percentile, let limit):
                if let observed = latency(percentile), observed > limit { return false }
            case .minThroughput(let rate):
                if Double(completed) < rate.perSecond { return false }
            case .checkRate, .maxDropped:
                continue
            }
        }
        return true
    }
}
