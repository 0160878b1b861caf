extension SecondSample {
    /// The sample of one second of load, with every latency percentile an SLA can name.
    init(_ bucket: SecondBucket) {
        var latency: [LatencyPercentile: Duration] = [:]
        if bucket.latency.totalCount > 0 {
            for percentile in LatencyPercentile.allCases {
                let micros = percentile == .max ? bucket.latency.max : bucket.latency.valueAtPercentile(percentile.value)
                latency[percentile] = .microseconds(Int64(micros))
            }
        }
        self.init(second: bucket.second, outcomes: bucket.outcomes, latency: latency)
    }
}
