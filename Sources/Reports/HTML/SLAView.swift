/// Every SLA threshold per phase (and request) with its outcome; uncorrected latency beside the corrected figure.
struct SLAView {
    /// One threshold of one phase.
    struct Row {
        var phase: String
        var request: String
        var threshold: String
        var limit: String
        var observed: String
        var uncorrected: String
        var passed: Bool
        var result: String
    }

    var rows: [Row]
    var hasRows: Bool
    var breached: Int

    init(_ results: [SLAResultRecord]) {
        rows = results.map { result in
            Row(
                phase: result.phase, request: result.request ?? "all", threshold: result.threshold,
                limit: result.limitText, observed: result.observedText,
                uncorrected: result.uncorrectedObserved.map { ReportFormat.slaValue($0, unit: result.unit) } ?? "—",
                passed: result.passed, result: result.passed ? "pass" : "FAIL"
            )
        }
        hasRows = !rows.isEmpty
        breached = results.filter { !$0.passed }.count
    }
}
