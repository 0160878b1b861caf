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
        let errors = bucket.errorCount
        self.init(second: bucket.second, attempted: bucket.completed + errors, errors: errors, completed: bucket.completed, latency: latency)
    }
}
