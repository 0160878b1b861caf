import Foundation

/// The machine-readable summary of one stored run (`--json FILE`). Schema documented in docs/results.md;
/// fields are only ever added within a schema version.
public struct JSONSummary: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var run: Run
    public var phases: [Phase]
    public var requests: [Request]
    public var sla: [SLAOutcome]
    /// Error counts by code over the whole run.
    public var errorsByCode: [String: Int]

    // Explicit keys, not a snake-case strategy: the strategies would also rewrite the error-code dictionary keys.
    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case run, phases, requests, sla
        case errorsByCode = "errors_by_code"
    }

    /// Who, what and how it ended.
    public struct Run: Codable, Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var status: String
        public var exitCode: Int32?
        public var startedAt: Date
        public var endedAt: Date?
        public var target: String

        enum CodingKeys: String, CodingKey {
            case id, name, status
            case exitCode = "exit_code"
            case startedAt = "started_at"
            case endedAt = "ended_at"
            case target
        }
    }

    /// One phase and when it ran, in ms since the run started.
    public struct Phase: Codable, Sendable, Equatable {
        public var name: String
        public var load: String
        public var startedAtMs: Int64
        public var endedAtMs: Int64?

        enum CodingKeys: String, CodingKey {
            case name, load
            case startedAtMs = "started_at_ms"
            case endedAtMs = "ended_at_ms"
        }
    }

    /// One phase × request: counts, rate and latency percentiles in ms.
    public struct Request: Codable, Sendable, Equatable {
        public var phase: String
        public var request: String
        public var sent: Int
        public var completed: Int
        public var errors: Int
        public var dropped: Int
        public var checksPassed: Int
        public var checksFailed: Int
        /// Completed per second over the phase; nil if the phase never ended.
        public var throughputPerSecond: Double?
        public var errorsByCode: [String: Int]
        /// Successful responses (accepted status), from the intended send time.
        public var latencyMs: Latency
        /// The same responses from their actual send time.
        public var uncorrectedLatencyMs: Latency
        /// Every request that was due, until its outcome was known (failures at their elapsed time, drops at the
        /// top of the range); nil for runs stored before schema v5 of the store.
        public var allAttemptsLatencyMs: Latency?
        /// Latency by outcome: `success`, `error_status`, `no_response` (the last two nil before schema v5).
        public var latencyByOutcomeMs: [String: Latency]
        /// A bare SLA percentile's view: successes, with every failed request counted beyond them. A value of
        /// 3,600,000 ms (the top of the range) means the percentile falls among failed requests.
        public var slaLatencyMs: Latency
        public var retried: Int
        public var clampedLatencies: Int

        enum CodingKeys: String, CodingKey {
            case phase, request, sent, completed, errors, dropped, retried
            case checksPassed = "checks_passed"
            case checksFailed = "checks_failed"
            case throughputPerSecond = "throughput_per_second"
            case errorsByCode = "errors_by_code"
            case latencyMs = "latency_ms"
            case uncorrectedLatencyMs = "uncorrected_latency_ms"
            case allAttemptsLatencyMs = "all_attempts_latency_ms"
            case latencyByOutcomeMs = "latency_by_outcome_ms"
            case slaLatencyMs = "sla_latency_ms"
            case clampedLatencies = "clamped_latencies"
        }
    }

    /// Latency percentiles in ms.
    public struct Latency: Codable, Sendable, Equatable {
        public var p50: Double
        public var p90: Double
        public var p95: Double
        public var p99: Double
        public var p999: Double
        public var max: Double
        public var mean: Double
    }

    /// One SLA threshold and its outcome.
    public struct SLAOutcome: Codable, Sendable, Equatable {
        public var phase: String
        public var request: String?
        public var threshold: String
        public var limit: String
        public var limitValue: Double
        public var observed: Double
        public var observedText: String
        public var uncorrectedObserved: Double?
        public var unit: String
        public var passed: Bool

        enum CodingKeys: String, CodingKey {
            case phase, request, threshold, limit
            case limitValue = "limit_value"
            case observed
            case observedText = "observed_text"
            case uncorrectedObserved = "uncorrected_observed"
            case unit, passed
        }
    }

    /// ISO 8601 dates, sorted keys: stable output that diffs well.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
