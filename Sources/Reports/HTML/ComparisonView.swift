import Foundation

/// Baseline against this run per phase × request × metric, with the relative change and regressions flagged.
struct ComparisonView {
    /// One metric of one phase × request in both runs.
    struct Row {
        var phase: String
        var request: String
        var metric: String
        var baseline: String
        var candidate: String
        var change: String
        var worse: Bool
    }

    var baselineID: String
    var baselineName: String
    var baselineStarted: String
    var baselineStatus: String
    var margin: String
    var regressions: Int
    var hasRegressions: Bool
    var rows: [Row]
    var unmatched: [String]
    var hasUnmatched: Bool

    init(_ comparison: RunComparison) {
        baselineID = "\(comparison.baseline.id ?? 0)"
        baselineName = comparison.baseline.name
        baselineStarted = ReportFormat.date(comparison.baseline.startedAt)
        baselineStatus = comparison.baseline.status.rawValue
        margin = String(format: "%g%%", comparison.margin * 100)
        regressions = comparison.regressions.count
        hasRegressions = regressions > 0
        rows = comparison.rows.map { row in
            Row(
                phase: row.phase, request: row.request, metric: row.metric.rawValue,
                baseline: Self.format(row.baseline, row.metric), candidate: Self.format(row.candidate, row.metric),
                change: row.relativeChange.map { String(format: "%+.1f%%", $0 * 100) } ?? (row.candidate > 0 ? "new" : "—"),
                worse: row.isWorse(margin: comparison.margin)
            )
        }
        unmatched = comparison.unmatched
        hasUnmatched = !unmatched.isEmpty
    }

    static func format(_ value: Double, _ metric: ComparedMetric) -> String {
        switch metric {
        case .errorRate: ReportFormat.percent(value)
        case .throughput: ReportFormat.rate(value)
        default: ReportFormat.ms(value) + " ms"
        }
    }
}
