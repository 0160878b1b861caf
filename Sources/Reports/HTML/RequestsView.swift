/// Per phase × request: counts, rate, corrected latency percentiles of the successful responses, uncorrected beside,
/// the latency of every attempt and of each failed outcome, errors and checks.
struct RequestsView {
    /// One phase × request.
    struct Row {
        var phase: String
        var request: String
        var completedOfSent: String
        var rate: String
        var p50: String
        var p90: String
        var p95: String
        var p99: String
        var p999: String
        var max: String
        var uncorrectedP99: String
        var uncorrectedMax: String
        var allAttemptsP99: String
        var errorStatusP99: String
        var noResponseP99: String
        var errorRate: String
        var errorsByCode: String
        var checkPassRate: String
        var dropped: Int
    }

    var rows: [Row]
    var hasRows: Bool

    init(_ snapshot: RunSnapshot) {
        rows = snapshot.requestStats.map { stats in
            let latency = stats.corrected
            // Runs stored before these histograms existed, or one that does not decode, show a dash.
            let attempts = (try? stats.attemptsSummary()) ?? nil
            let errorStatus = (try? stats.errorStatusSummary()) ?? nil
            let noResponse = (try? stats.noResponseSummary()) ?? nil
            return Row(
                phase: stats.phase, request: stats.request, completedOfSent: "\(stats.completed) / \(stats.sent)",
                rate: snapshot.throughput(stats).map(ReportFormat.rate) ?? "—",
                p50: ReportFormat.ms(latency.p50), p90: ReportFormat.ms(latency.p90), p95: ReportFormat.ms(latency.p95),
                p99: ReportFormat.ms(latency.p99), p999: ReportFormat.ms(latency.p999), max: ReportFormat.ms(latency.max),
                uncorrectedP99: ReportFormat.ms(stats.uncorrected.p99), uncorrectedMax: ReportFormat.ms(stats.uncorrected.max),
                allAttemptsP99: ReportFormat.attemptMs(attempts?.p99),
                errorStatusP99: ReportFormat.attemptMs(errorStatus.flatMap { $0.max > 0 ? $0.p99 : nil }),
                noResponseP99: ReportFormat.attemptMs(noResponse.flatMap { $0.max > 0 ? $0.p99 : nil }),
                errorRate: ReportFormat.percent(stats.errorRate), errorsByCode: ReportFormat.codes(stats.errorsByCode),
                checkPassRate: stats.checksPassed + stats.checksFailed > 0 ? ReportFormat.percent(stats.checkPassRate) : "—",
                dropped: stats.dropped
            )
        }
        hasRows = !rows.isEmpty
    }
}
