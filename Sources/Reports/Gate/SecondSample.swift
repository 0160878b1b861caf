/// One second of one phase as the regression gate sees it: the latency distribution of the responses completed in
/// it (sparse HDR buckets) and its error counts. Seconds are the unit the gate resamples.
public struct SecondSample: Sendable, Equatable {
    /// Recorded latency buckets, µs: (bucket value, count), as HDR's `recordedValues()` lists them.
    public var latencies: [Bucket]
    /// How the requests that ended in this second ended (`OutcomeCounts`: the `error_rate` SLA's definition).
    public var outcomes: OutcomeCounts

    /// One recorded latency bucket.
    public struct Bucket: Sendable, Equatable {
        public var valueUs: UInt64
        public var count: UInt64

        public init(valueUs: UInt64, count: UInt64) {
            self.valueUs = valueUs
            self.count = count
        }
    }

    public init(latencies: [Bucket], outcomes: OutcomeCounts) {
        self.latencies = latencies
        self.outcomes = outcomes
    }

    /// A second in which `attempted` requests ended, each with a response, `errors` of them with an error status.
    public init(latencies: [Bucket], attempted: Int, errors: Int) {
        self.init(
            latencies: latencies,
            outcomes: OutcomeCounts(attempts: attempted, completions: attempted, errorStatuses: errors, endedWithoutResponse: 0))
    }

    /// Requests that ended in this second.
    public var attempted: Int { outcomes.ended }

    /// Responses completed in this second.
    public var completed: UInt64 { latencies.reduce(0) { $0 + $1.count } }
}
