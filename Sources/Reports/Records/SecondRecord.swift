import Foundation
import GRDB

/// One row of `seconds`: what happened in one second of a run (one row per phase active in that second).
public struct SecondRecord: Sendable, Equatable, Codable, FetchableRecord, TableRecord, EncodableRecord {
    public static let databaseTableName = "seconds"

    /// Seconds since the run started, from 0.
    public var second: Int
    public var phase: String
    public var sent: Int
    public var completed: Int
    /// Transport and status errors (dropped included, check failures excluded).
    public var errors: Int
    public var dropped: Int
    /// Counts by error code (`ErrorCode` raw values), check failures included.
    public var errorsByCode: [String: Int]
    /// Corrected latency of the successful responses completed in this second, µs (every response before schema v5).
    public var p50Us: Int64
    public var p90Us: Int64
    public var p99Us: Int64
    public var maxUs: Int64
    /// p99 of the same responses measured from their actual send time (µs): the line charts draw dashed.
    public var uncorrectedP99Us: Int64
    /// The corrected latency histogram of this second (`HistogramCodec`), nil when nothing completed. The regression
    /// gate resamples seconds from it; reports merge seconds without re-reading raw requests.
    public var latencyHistogram: Data?
    /// Every request that ended in this second, until its outcome was known (`HistogramCodec`; nil before v5 or when
    /// nothing ended). The gate compares the latency of all attempts from it.
    public var attemptsHistogram: Data?
    /// The uncorrected latency histogram of the same responses (`HistogramCodec`; nil before v7 or when nothing
    /// completed), so the seconds of several segments merge exactly.
    public var uncorrectedHistogram: Data?
    /// Open connections at the end of the second.
    public var connections: Int
    /// Active virtual users (closed model) at the end of the second; 0 for open models.
    public var users: Int
    /// Responses per `X-Model-Version` value completed in this second (empty when no request checks headers).
    public var modelVersions: [String: Int]

    enum CodingKeys: String, CodingKey {
        case second, phase, sent, completed, errors, dropped
        case errorsByCode = "errors_by_code"
        case p50Us = "p50_us"
        case p90Us = "p90_us"
        case p99Us = "p99_us"
        case maxUs = "max_us"
        case uncorrectedP99Us = "uncorrected_p99_us"
        case latencyHistogram = "latency_histogram"
        case connections, users
        case modelVersions = "model_versions"
        case attemptsHistogram = "attempts_histogram"
        case uncorrectedHistogram = "uncorrected_histogram"
    }

    /// How the requests of this second ended, from the stored counts by code.
    public var outcomes: OutcomeCounts { OutcomeCounts(sent: sent, completed: completed, errorsByCode: errorsByCode) }

    public init(
        second: Int, phase: String, sent: Int, completed: Int, errors: Int, dropped: Int, errorsByCode: [String: Int],
        p50Us: Int64, p90Us: Int64, p99Us: Int64, maxUs: Int64, connections: Int, users: Int,
        uncorrectedP99Us: Int64 = 0, latencyHistogram: Data? = nil, modelVersions: [String: Int] = [:],
        attemptsHistogram: Data? = nil, uncorrectedHistogram: Data? = nil
    ) {
        self.uncorrectedHistogram = uncorrectedHistogram
        self.second = second
        self.phase = phase
        self.sent = sent
        self.completed = completed
        self.errors = errors
        self.dropped = dropped
        self.errorsByCode = errorsByCode
        self.p50Us = p50Us
        self.p90Us = p90Us
        self.p99Us = p99Us
        self.maxUs = maxUs
        self.connections = connections
        self.users = users
        self.uncorrectedP99Us = uncorrectedP99Us
        self.latencyHistogram = latencyHistogram
        self.modelVersions = modelVersions
        self.attemptsHistogram = attemptsHistogram
    }
}
