import Foundation
import GRDB
import Histogram

/// One row of `request_stats`: the totals of one phase × request over the whole phase, with both histograms kept.
public struct RequestStatsRecord: Sendable, Equatable, Codable, FetchableRecord, TableRecord, EncodableRecord {
    public static let databaseTableName = "request_stats"

    public var phase: String
    /// A request name from the scenario, or `*` for every request of the phase merged.
    public var request: String
    public var sent: Int
    public var completed: Int
    /// Transport and status errors (dropped included, check failures excluded).
    public var errors: Int
    public var checksPassed: Int
    public var checksFailed: Int
    public var dropped: Int
    /// Counts by error code (`ErrorCode` raw values), check failures included.
    public var errorsByCode: [String: Int]
    /// Latency of the successful responses from the intended send time (coordinated-omission corrected), µs.
    /// (Runs stored before schema v5 counted every response here, whatever its status.)
    public var corrected: LatencySummary
    /// Latency of the same responses from the actual send time, µs — kept beside the corrected figure, never instead.
    public var uncorrected: LatencySummary
    /// `HistogramCodec` encodings, so runs can be merged and re-percentiled later.
    public var correctedHistogram: Data
    public var uncorrectedHistogram: Data
    /// Every request that was due, until its outcome was known (`RequestStats.attempts`); nil for runs stored
    /// before schema v5.
    public var attemptsHistogram: Data?
    /// Latency by outcome: error-status responses, and requests that ended without a response (nil before v5).
    public var errorStatusHistogram: Data?
    public var noResponseHistogram: Data?
    /// Latencies above the histograms' 1 h range, recorded at its top.
    public var clampedLatencies: Int = 0
    /// Requests sent a second time after a server's idle close they provably never reached.
    public var retried: Int = 0

    public init(
        phase: String, request: String, sent: Int, completed: Int, errors: Int, checksPassed: Int, checksFailed: Int,
        dropped: Int, errorsByCode: [String: Int], corrected: Histogram<UInt64>, uncorrected: Histogram<UInt64>,
        attempts: Histogram<UInt64>? = nil, errorStatus: Histogram<UInt64>? = nil, noResponse: Histogram<UInt64>? = nil,
        clampedLatencies: Int = 0, retried: Int = 0
    ) {
        self.phase = phase
        self.request = request
        self.sent = sent
        self.completed = completed
        self.errors = errors
        self.checksPassed = checksPassed
        self.checksFailed = checksFailed
        self.dropped = dropped
        self.errorsByCode = errorsByCode
        self.corrected = LatencySummary(corrected)
        self.uncorrected = LatencySummary(uncorrected)
        correctedHistogram = HistogramCodec.encode(corrected)
        uncorrectedHistogram = HistogramCodec.encode(uncorrected)
        attemptsHistogram = attempts.map(HistogramCodec.encode)
        errorStatusHistogram = errorStatus.map(HistogramCodec.encode)
        noResponseHistogram = noResponse.map(HistogramCodec.encode)
        self.clampedLatencies = clampedLatencies
        self.retried = retried
    }

    /// How these requests ended, from the stored counts by code.
    public var outcomes: OutcomeCounts { OutcomeCounts(sent: sent, completed: completed, errorsByCode: errorsByCode) }
    /// `OutcomeCounts.errorRate`, as the `error_rate` SLA judges it.
    public var errorRate: Double { outcomes.errorRate }

    /// Passed over checked responses (1 when nothing was checked).
    public var checkPassRate: Double {
        let checked = checksPassed + checksFailed
        return checked == 0 ? 1 : Double(checksPassed) / Double(checked)
    }

    public func decodedCorrectedHistogram() throws -> Histogram<UInt64> {
        try HistogramCodec.decode(correctedHistogram)
    }

    public func decodedUncorrectedHistogram() throws -> Histogram<UInt64> {
        try HistogramCodec.decode(uncorrectedHistogram)
    }

    /// What a bare SLA percentile judges: the successes, with every failed request counted beyond them.
    public func judgedLatency() throws -> Histogram<UInt64> {
        JudgedLatency.histogram(successes: try decodedCorrectedHistogram(), failures: errors)
    }

    /// Summaries of the latency of every attempt and of each outcome; nil for runs stored before schema v5.
    public func attemptsSummary() throws -> LatencySummary? {
        try attemptsHistogram.map { LatencySummary(try HistogramCodec.decode($0)) }
    }
    public func errorStatusSummary() throws -> LatencySummary? {
        try errorStatusHistogram.map { LatencySummary(try HistogramCodec.decode($0)) }
    }
    public func noResponseSummary() throws -> LatencySummary? {
        try noResponseHistogram.map { LatencySummary(try HistogramCodec.decode($0)) }
    }
}
