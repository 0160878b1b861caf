import Foundation
import Histogram
import Reports

/// Conversions from the engine's measurements to the results store's rows.
enum StoreRecords {
    static func second(_ bucket: SecondBucket, phase: String, connections: Int, users: Int) -> SecondRecord {
        second(
            bucket.second, phase: phase,
            counts: (
                bucket.sent, bucket.completed, bucket.errorCount, bucket.errors[.dropped, default: 0], errorsByCode(bucket.errors)
            ),
            latency: bucket.latency, uncorrected: bucket.uncorrectedLatency, attempts: bucket.attemptsLatency,
            connections: connections, users: users, modelVersions: bucket.versions.mapValues(\.count))
    }

    /// One `seconds` row from its counts and histograms: the percentile columns and the encodings are derived here
    /// for the engine's seconds and for merged ones alike. `uncorrectedP99Fallback` stands in when there is no
    /// uncorrected histogram (seconds stored before schema v7).
    static func second(
        _ second: Int, phase: String,
        counts: (sent: Int, completed: Int, errors: Int, dropped: Int, errorsByCode: [String: Int]),
        latency: Histogram<UInt64>, uncorrected: Histogram<UInt64>, attempts: Histogram<UInt64>, connections: Int,
        users: Int, modelVersions: [String: Int], uncorrectedP99Fallback: Int64 = 0
    ) -> SecondRecord {
        let hasLatency = latency.totalCount > 0
        func micros(_ percentile: Double) -> Int64 {
            guard hasLatency else { return 0 }
            return Int64(percentile >= 100 ? latency.max : latency.valueAtPercentile(percentile))
        }
        let hasUncorrected = uncorrected.totalCount > 0
        return SecondRecord(
            second: second, phase: phase, sent: counts.sent, completed: counts.completed, errors: counts.errors,
            dropped: counts.dropped, errorsByCode: counts.errorsByCode,
            p50Us: micros(50), p90Us: micros(90), p99Us: micros(99), maxUs: micros(100), connections: connections, users: users,
            uncorrectedP99Us: hasUncorrected ? Int64(uncorrected.valueAtPercentile(99)) : uncorrectedP99Fallback,
            latencyHistogram: hasLatency ? HistogramCodec.encode(latency) : nil,
            modelVersions: modelVersions,
            attemptsHistogram: attempts.totalCount > 0 ? HistogramCodec.encode(attempts) : nil,
            uncorrectedHistogram: hasUncorrected ? HistogramCodec.encode(uncorrected) : nil)
    }

    static func requestStats(_ stats: RequestStats, phase: String, request: String) -> RequestStatsRecord {
        RequestStatsRecord(
            phase: phase, request: request, sent: stats.sent, completed: stats.completed, errors: stats.errorCount,
            checksPassed: stats.checksPassed, checksFailed: stats.checksFailed, dropped: stats.dropped,
            errorsByCode: errorsByCode(stats.errors), corrected: stats.corrected, uncorrected: stats.uncorrected,
            attempts: stats.attempts, errorStatus: stats.errorStatusLatency, noResponse: stats.noResponseLatency,
            clampedLatencies: stats.clampedLatencies, retried: stats.retried)
    }

    static func sla(_ outcome: SLAOutcome) -> SLAResultRecord {
        SLAResultRecord(
            phase: outcome.phase, request: outcome.request, threshold: outcome.threshold, limitText: outcome.limit,
            limitValue: outcome.limitValue, observed: outcome.observed, observedText: outcome.observedText,
            uncorrectedObserved: outcome.uncorrectedObserved, unit: outcome.unit, passed: outcome.passed)
    }

    /// One row per phase × request × error code: the exact count, with the bounded sample of messages.
    static func errors(phases: [PhaseMeasurements], samples: ErrorSamples) -> [ErrorSampleRecord] {
        var rows: [ErrorSampleRecord] = []
        for phase in phases {
            for (request, stats) in phase.requests.sorted(by: { $0.key < $1.key }) {
                for (code, count) in stats.errors.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where count > 0 {
                    let key = ErrorSamples.Key(phase: phase.name, request: request, code: code)
                    rows.append(
                        ErrorSampleRecord(
                            phase: phase.name, request: request, code: code.rawValue, count: count,
                            samples: samples.messages[key] ?? []))
                }
            }
        }
        return rows
    }

    static func errorsByCode(_ errors: [ErrorCode: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: errors.filter { $0.value > 0 }.map { ($0.key.rawValue, $0.value) })
    }
}
