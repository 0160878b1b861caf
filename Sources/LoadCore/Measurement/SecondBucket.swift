import Histogram

/// What happened in one second of the run (by send time for `sent`, by completion time for the rest).
public struct SecondBucket: Sendable {
    public var second: Int
    public var sent = 0
    public var completed = 0
    public var errors: [ErrorCode: Int] = [:]
    /// Corrected latency (µs) of the successful responses completed in this second.
    public var latency: Histogram<UInt64>
    /// Uncorrected latency (µs, from the actual send time) of the same responses; charts show its p99 beside.
    public var uncorrectedLatency: Histogram<UInt64>
    /// Every request that ended in this second, as `RequestStats.attempts` records them.
    public var attemptsLatency: Histogram<UInt64>
    /// `X-Model-Version` of the responses completed in this second, for requests that check that header.
    public var versions: [String: VersionSighting] = [:]

    public init(second: Int) {
        self.second = second
        latency = RequestStats.makeHistogram()
        uncorrectedLatency = RequestStats.makeHistogram()
        attemptsLatency = RequestStats.makeHistogram()
    }

    /// How the requests of this second ended (sent counted by send time, the rest by when they ended).
    public var outcomes: OutcomeCounts { OutcomeCounts(sent: sent, completed: completed, errorsByCode: errors) }
    /// Error statuses and requests that ended without a response (`OutcomeCounts.errors`).
    public var errorCount: Int { outcomes.errors }
    /// What a bare SLA percentile judges in this second (`JudgedLatency`).
    public var judgedLatency: Histogram<UInt64> { JudgedLatency.histogram(successes: latency, failures: errorCount) }

    public mutating func merge(_ other: SecondBucket) {
        sent += other.sent
        completed += other.completed
        errors.merge(other.errors, uniquingKeysWith: +)
        latency.add(other.latency)
        uncorrectedLatency.add(other.uncorrectedLatency)
        attemptsLatency.add(other.attemptsLatency)
        versions.merge(other.versions) { mine, theirs in
            var merged = mine
            merged.merge(theirs)
            return merged
        }
    }
}
