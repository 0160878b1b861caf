import Foundation

/// The table printed at the end of a run: per phase × request counts and latencies, then every SLA verdict.
/// `p50`…`max` are the successful responses'; `p99 all` is every request that was due, failures included (at their
/// elapsed time, drops beyond every value), so a run that fails fast cannot hide behind the successes' figures.
enum SummaryTable {
    static func render(phases: [PhaseMeasurements], sla: [SLAOutcome], verdict: String) -> String {
        var rows: [[String]] = [
            [
                "phase", "request", "sent", "ok", "errors", "dropped", "checks", "req/s", "p50", "p90", "p99", "p99 unc.", "max",
                "p99 all",
            ]
        ]
        for phase in phases {
            let seconds = max(
                0.001, phase.elapsed.seconds)
            for name in phase.requests.keys.sorted() {
                guard let stats = phase.requests[name] else { continue }
                let hasLatency = stats.corrected.totalCount > 0
                func latency(_ p: Double, _ uncorrected: Bool = false) -> String {
                    guard hasLatency else { return "-" }
                    let histogram = uncorrected ? stats.uncorrected : stats.corrected
                    return ProgressReporter.milliseconds(p >= 100 ? histogram.max : histogram.valueAtPercentile(p))
                }
                func allAttempts() -> String {
                    guard stats.attempts.totalCount > 0 else { return "-" }
                    let micros = stats.attempts.valueAtPercentile(99)
                    return LatencyHistogram.isBeyondRange(micros, in: stats.attempts)
                        ? "dropped" : ProgressReporter.milliseconds(micros)
                }
                rows.append([
                    phase.name, name, "\(stats.sent)", "\(stats.succeeded)",
                    "\(stats.errorCount)", "\(stats.dropped)",
                    stats.anythingChecked ? String(format: "%.1f%%", stats.checkRate * 100) : "—",
                    String(format: "%.1f", Double(stats.completed) / seconds), latency(50), latency(90), latency(99),
                    latency(99, true), latency(100),
                    allAttempts(),
                ])
            }
        }
        var text = align(rows)
        if !sla.isEmpty {
            var slaRows: [[String]] = [["result", "phase", "request", "threshold", "limit", "observed", "uncorrected"]]
            for outcome in sla {
                slaRows.append([
                    outcome.passed ? "PASS" : "FAIL", outcome.phase, outcome.request ?? "*", outcome.threshold, outcome.limit,
                    outcome.observedText,
                    outcome.uncorrectedObserved.map {
                        LatencyHistogram.isBeyondRange($0 * 1000) ? "failed requests" : String(format: "%.1fms", $0)
                    } ?? "",
                ])
            }
            text += "\n" + align(slaRows)
        }
        text += "\n\(verdict)\n"
        return text
    }

    /// Left-aligns text columns and right-aligns numeric ones.
    static func align(_ rows: [[String]]) -> String {
        rows.isEmpty ? "" : TextTable.render(rows, rightAlignNumbers: true)
    }
}
