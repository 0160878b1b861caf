/// One second of one phase as the regression gate sees it: the latency distribution of the responses completed in
/// it (sparse HDR buckets) and its error counts. Seconds are the unit the gate resamples.
public struct SecondSample: Sendable, Equatable {
    /// Recorded latency buckets, µs: (bucket value, count), as HDR's `recordedValues()` lists them.
    public var latencies: [Bucket]
    /// Requests due in this second (sent + dropped): the error rate's denominator.
    public var attempted: Int
    /// Transport and status errors (dropped included), as the `error_rate` SLA counts them.
    public var errors: Int

    /// One recorded latency bucket.
    public struct Bucket: Sendable, Equatable {
        public var valueUs: UInt64
        public var count: UInt64

        public init(valueUs: UInt64, count: UInt64) {
            self.valueUs = valueUs
            self.count = count
        }
    }

    public init(latencies: [Bucket], attempted: Int, errors: Int) {
        self.latencies = latencies
        self.attempted = attempted
        self.errors = errors
    }

    /// Responses completed in this second.
    public var completed: UInt64 { latencies.reduce(0) { $0 + $1.count } }
}
