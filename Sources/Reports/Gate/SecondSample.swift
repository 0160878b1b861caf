/// One second of one phase as the regression gate sees it: the latency distribution of the responses completed in
/// it (sparse HDR buckets) and its error counts. Seconds are the unit the gate resamples.
public struct SecondSample: Sendable, Equatable {
    /// Recorded latency buckets, µs: (bucket value, count), as HDR's `recordedValues()` lists them — the successes
    /// with every failed request of the second at the top of the range, as a bare SLA percentile judges them.
    public var latencies: [Bucket]
    /// The same for every request that ended in the second, failures at their elapsed time (empty before schema v5).
    public var attemptLatencies: [Bucket] = []
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

    public init(latencies: [Bucket], outcomes: OutcomeCounts, attemptLatencies: [Bucket] = []) {
        self.latencies = latencies
        self.outcomes = outcomes
        self.attemptLatencies = attemptLatencies
    }

    /// A second in which `attempted` requests ended, each with a response, `errors` of them with an error status.
    public init(latencies: [Bucket], attempted: Int, errors: Int) {
        self.init(
            latencies: latencies,
            outcomes: OutcomeCounts(attempts: attempted, completions: attempted, errorStatuses: errors, endedWithoutResponse: 0))
    }

    /// Requests that ended in this second.
    public var attempted: Int { outcomes.ended }

    /// Requests in this second's judged latency: successes and failures.
    public var completed: UInt64 { latencies.reduce(0) { $0 + $1.count } }
    /// This second with its latency of all attempts in place of the judged latency, for the all-attempts metrics.
    var ofAllAttempts: SecondSample { SecondSample(latencies: attemptLatencies, outcomes: outcomes) }

    /// Requests in this second's latency of all attempts.
    public var attemptsMeasured: UInt64 { attemptLatencies.reduce(0) { $0 + $1.count } }
}
