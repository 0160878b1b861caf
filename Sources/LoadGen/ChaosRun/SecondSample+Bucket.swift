extension SecondSample {
    /// The sample of one second of load, with every latency percentile an SLA can name, judged as SLAs judge them:
    /// successes, with each failed request counted beyond them (a percentile among failures reads as 1 h, the top of
    /// the range, which no limit admits).
    init(_ bucket: SecondBucket) {
        var latency: [LatencyPercentile: Duration] = [:]
        let judged = bucket.judgedLatency
        if judged.totalCount > 0 {
            for percentile in LatencyPercentile.allCases {
                let micros = percentile == .max ? judged.max : judged.valueAtPercentile(percentile.value)
                latency[percentile] = .microseconds(Int64(micros))
            }
        }
        self.init(second: bucket.second, outcomes: bucket.outcomes, latency: latency)
    }
}
