import Foundation

/// Baseline against this run per phase × request × metric, with the relative change and regressions flagged.
struct ComparisonView {
    /// One phase × request: a cell per metric.
    struct Row {
        var phase: String
        var request: String
        var cells: [Cell]
    }

    /// One metric in both runs: this run's value with its change; the baseline's value on hover.
    struct Cell {
        var candidate: String
        var baseline: String
        var change: String
        var worse: Bool
        var better: Bool
    }

    var baselineID: String
    var baselineName: String
    var baselineStarted: String
    var baselineStatus: String
    var margin: String
    var regressions: Int
    var hasRegressions: Bool
    /// Column heads: the metrics in `ComparedMetric` order.
    var metrics: [String]
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
        // One row per phase × request keeps the table as long as the per-request table, not eight times longer.
        metrics = ComparedMetric.allCases.map(\.rawValue)
        var order: [String] = []
        var byPair: [String: [ComparedMetric: RunComparison.Row]] = [:]
        for row in comparison.rows {
            let key = "\(row.phase)\u{0}\(row.request)"
            if byPair[key] == nil { order.append(key) }
            byPair[key, default: [:]][row.metric] = row
        }
        rows = order.map { key in
            let cells = byPair[key] ?? [:]
            let first = cells.values.first
            return Row(
                phase: first?.phase ?? "", request: first?.request ?? "",
                cells: ComparedMetric.allCases.map { metric in
                    guard let row = cells[metric] else {
                        return Cell(candidate: "—", baseline: "—", change: "", worse: false, better: false)
                    }
                    return Cell(
                        candidate: Self.format(row.candidate, metric), baseline: Self.format(row.baseline, metric),
                        change: row.relativeChange.map { String(format: "%+.1f%%", $0 * 100) }
                            ?? (row.candidate > 0 ? "new" : "±0"),
                        worse: row.isWorse(margin: comparison.margin), better: Self.isBetter(row, margin: comparison.margin))
                })
        }
        unmatched = comparison.unmatched
        hasUnmatched = !unmatched.isEmpty
    }

    /// Better by more than the margin: shown in green so an improvement is as visible as a regression.
    static func isBetter(_ row: RunComparison.Row, margin: Double) -> Bool {
        guard let change = row.relativeChange else { return false }
        return row.metric.higherIsWorse ? change < -margin : change > margin
    }

    static func format(_ value: Double, _ metric: ComparedMetric) -> String {
        if let beyond = metric.beyondRangeText(value) { return beyond }
        return switch metric {
        case .errorRate, .checkRate: ReportFormat.percent(value)
        case .throughput: ReportFormat.rate(value)
        default: ReportFormat.ms(value) + " ms"
        }
    }
}
