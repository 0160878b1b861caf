import Histogram

/// One second of a run as every per-second judgement sees it — the chaos checks while the run lasts, the regression
/// gate from stored rows: how the requests that ended in it ended, and their latencies as sparse HDR buckets (the
/// unit the gate resamples).
public struct SecondSample: Sendable, Equatable {
    /// Seconds since the run's start.
    public var second: Int
    /// How the requests that ended in this second ended (`OutcomeCounts`: the `error_rate` SLA's definition).
    public var outcomes: OutcomeCounts
    /// Recorded latency buckets, µs, ascending, as HDR's `recordedValues()` lists them — the successes with every
    /// failed request of the second at the top of the range, as a bare SLA percentile judges them (`JudgedLatency`).
    public var latencies: [Bucket]
    /// The same for every request that ended in the second, failures at their elapsed time (empty before schema v5).
    public var attemptLatencies: [Bucket]

    /// One recorded latency bucket: its highest equivalent value and how many requests it holds.
    public struct Bucket: Sendable, Equatable {
        public var valueUs: UInt64
        public var count: UInt64

        public init(valueUs: UInt64, count: UInt64) {
            self.valueUs = valueUs
            self.count = count
        }

        /// The recorded values of `histogram`, ascending.
        public static func of(_ histogram: Histogram<UInt64>) -> [Bucket] {
            histogram.recordedValues().map { Bucket(valueUs: $0.value, count: $0.count) }
        }
    }

    public init(second: Int = 0, outcomes: OutcomeCounts, latencies: [Bucket] = [], attemptLatencies: [Bucket] = []) {
        self.second = second
        self.outcomes = outcomes
        self.latencies = latencies
        self.attemptLatencies = attemptLatencies
    }

    /// A second in which `attempted` requests ended, each with a response, `errors` of them with an error status.
    public init(second: Int = 0, latencies: [Bucket], attempted: Int, errors: Int) {
        self.init(
            second: second,
            outcomes: OutcomeCounts(attempts: attempted, completions: attempted, errorStatuses: errors, endedWithoutResponse: 0),
            latencies: latencies)
    }

    /// Requests that ended in this second, with or without a response.
    public var attempted: Int { outcomes.ended }
    public var errors: Int { outcomes.errors }
    /// Requests of this second that got a response.
    public var completed: Int { outcomes.completions }
    public var errorRate: Double { outcomes.errorRate }

    /// Requests in this second's judged latency: successes and failures.
    public var latencyCount: UInt64 { latencies.reduce(0) { $0 + $1.count } }
    /// Requests in this second's latency of all attempts.
    public var attemptsMeasured: UInt64 { attemptLatencies.reduce(0) { $0 + $1.count } }

    /// This second with its latency of all attempts in place of the judged latency, for the all-attempts metrics.
    public var ofAllAttempts: SecondSample {
        SecondSample(second: second, outcomes: outcomes, latencies: attemptLatencies, attemptLatencies: attemptLatencies)
    }

    /// The judged latency at `percentile` (0–100), µs: the smallest bucket with at least that share of the requests at
    /// or below it, as HDR answers it; 100 is the largest. Nil for a second without latencies.
    public func latencyUs(atPercentile percentile: Double) -> UInt64? {
        guard let largest = latencies.last else { return nil }
        guard percentile < 100 else { return largest.valueUs }
        let rank = PercentileRank.of(percentile, total: latencyCount)
        var seen: UInt64 = 0
        for bucket in latencies {
            seen += bucket.count
            if seen >= rank { return bucket.valueUs }
        }
        return largest.valueUs
    }
}
