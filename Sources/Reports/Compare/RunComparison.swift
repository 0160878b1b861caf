import Foundation

/// Two stored runs side by side: every metric of every phase × request both runs have, with its relative change.
/// Descriptive only — a change past `margin` is flagged; whether it is beyond run-to-run noise is the gate's call.
public struct RunComparison: Sendable {
    /// One metric of one phase × request in both runs.
    public struct Row: Sendable, Equatable {
        public var phase: String
        public var request: String
        public var metric: ComparedMetric
        /// Latency in µs, error rate as a ratio, throughput in completed requests per second.
        public var baseline: Double
        public var candidate: Double

        /// (candidate − baseline) / baseline; nil when the baseline is 0.
        public var relativeChange: Double? { baseline == 0 ? nil : (candidate - baseline) / baseline }

        /// Worse by more than `margin` (a ratio: 0.1 is 10 %). An error rate that rises from 0 counts as worse.
        public func isWorse(margin: Double) -> Bool {
            guard let change = relativeChange else { return metric.higherIsWorse && candidate > 0 }
            return metric.higherIsWorse ? change > margin : change < -margin
        }
    }

    public var baseline: RunRecord
    public var candidate: RunRecord
    public var rows: [Row]
    /// Phase × request pairs only one of the runs has, as "phase / request" (shown, never compared).
    public var unmatched: [String]
    public var margin: Double

    public var regressions: [Row] { rows.filter { $0.isWorse(margin: margin) } }

    public static func make(
        store: ResultsStore, baselineRunID: Int64, candidateRunID: Int64, margin: Double = 0.10
    ) throws -> RunComparison {
        let base = try RunSnapshot.load(store: store, runID: baselineRunID)
        let cand = try RunSnapshot.load(store: store, runID: candidateRunID)
        var rows: [Row] = []
        var unmatched: [String] = []
        let baseStats = Dictionary(
            base.requestStats.map { ("\($0.phase)\u{0}\($0.request)", $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        for stats in cand.requestStats {
            let key = "\(stats.phase)\u{0}\(stats.request)"
            seen.insert(key)
            guard let old = baseStats[key] else {
                unmatched.append("\(stats.phase) / \(stats.request)")
                continue
            }
            for metric in ComparedMetric.allCases {
                guard let b = value(metric, old, in: base), let c = value(metric, stats, in: cand) else { continue }
                rows.append(Row(phase: stats.phase, request: stats.request, metric: metric, baseline: b, candidate: c))
            }
        }
        for stats in base.requestStats where !seen.contains("\(stats.phase)\u{0}\(stats.request)") {
            unmatched.append("\(stats.phase) / \(stats.request)")
        }
        return RunComparison(baseline: base.run, candidate: cand.run, rows: rows, unmatched: unmatched, margin: margin)
    }

    private static func value(_ metric: ComparedMetric, _ stats: RequestStatsRecord, in snapshot: RunSnapshot) -> Double? {
        // As SLAs judge latency: failed requests count beyond every success, so fewer successes never compare better.
        let latency = (try? stats.judgedLatency()).map(LatencySummary.init) ?? stats.corrected
        let measured = stats.completed + stats.errors > 0
        switch metric {
        case .p50: return measured ? Double(latency.p50) : nil
        case .p90: return measured ? Double(latency.p90) : nil
        case .p95: return measured ? Double(latency.p95) : nil
        case .p99: return measured ? Double(latency.p99) : nil
        case .p999: return measured ? Double(latency.p999) : nil
        case .max: return measured ? Double(latency.max) : nil
        case .allAttemptsP99: return ((try? stats.attemptsSummary()) ?? nil).map { Double($0.p99) }
        case .errorRate: return stats.errorRate
        case .checkRate: return stats.checksPassed + stats.checksFailed > 0 ? stats.checkPassRate : nil
        case .throughput: return snapshot.throughput(stats)
        }
    }
}
