import Foundation

extension HTMLReport {
    /// Every SLA threshold with its outcome; the uncorrected latency beside the corrected one, never instead of it.
    static func slaSection(_ snapshot: RunSnapshot) -> String {
        guard !snapshot.sla.isEmpty else { return "<section><h2>SLA</h2><p>No SLA was set for this scenario.</p></section>" }
        let rows = snapshot.sla.map { result -> [String] in
            [
                HTMLEscaping.escape(result.phase),
                HTMLEscaping.escape(result.request ?? "all"),
                HTMLEscaping.escape(result.threshold),
                HTMLEscaping.escape(result.limitText),
                HTMLEscaping.escape(result.observedText),
                result.uncorrectedObserved.map { result.unit == "ms" ? String(format: "%.1fms", $0) : "\($0)" } ?? "—",
                result.passed ? "pass" : "FAIL",
            ]
        }
        return """
            <section>
            <h2>SLA</h2>
            \(table(headers: ["Phase", "Request", "Threshold", "Limit", "Observed (corrected)", "Uncorrected", "Result"],
                    rows: rows, rowClasses: snapshot.sla.map { $0.passed ? "pass" : "fail" }))
            </section>
            """
    }

    /// Per phase × request: counts, rate, corrected latency percentiles, errors and checks.
    static func statsSection(_ snapshot: RunSnapshot) -> String {
        guard !snapshot.requestStats.isEmpty else { return "<section><h2>Requests</h2><p>No request totals were stored.</p></section>" }
        let rows = snapshot.requestStats.map { stats -> [String] in
            let latency = stats.corrected
            return [
                HTMLEscaping.escape(stats.phase),
                HTMLEscaping.escape(stats.request),
                "\(stats.completed) / \(stats.sent)",
                snapshot.throughput(stats).map(ReportFormat.rate) ?? "—",
                ReportFormat.ms(latency.p50), ReportFormat.ms(latency.p90), ReportFormat.ms(latency.p95),
                ReportFormat.ms(latency.p99), ReportFormat.ms(latency.p999), ReportFormat.ms(latency.max),
                "\(ReportFormat.ms(stats.uncorrected.p99)) / \(ReportFormat.ms(stats.uncorrected.max))",
                HTMLEscaping.escape(ReportFormat.codes(stats.errorsByCode)),
                ReportFormat.percent(stats.checkPassRate),
                "\(stats.dropped)",
            ]
        }
        return """
            <section>
            <h2>Requests</h2>
            <p class="note">Latency in ms, measured from when each request was due to be sent (corrected for
            coordinated omission). The uncorrected p99 / max, from when it was actually sent, is shown beside.</p>
            \(table(headers: ["Phase", "Request", "Completed / sent", "Rate", "p50", "p90", "p95", "p99", "p99.9", "max",
                              "Uncorrected p99 / max", "Errors by code", "Checks passed", "Dropped"], rows: rows))
            </section>
            """
    }

    /// Error codes with counts and their first distinct messages (response bodies included, so all escaped).
    static func errorsSection(_ snapshot: RunSnapshot) -> String {
        guard !snapshot.errors.isEmpty else { return "<section><h2>Errors</h2><p>No errors.</p></section>" }
        let rows = snapshot.errors.map { error -> [String] in
            [
                HTMLEscaping.escape(error.phase),
                HTMLEscaping.escape(error.request),
                HTMLEscaping.escape(error.code),
                "\(error.count)",
                "<ul class=\"samples\">" + error.samples.map { "<li><code>\(HTMLEscaping.escape($0))</code></li>" }.joined() + "</ul>",
            ]
        }
        return """
            <section>
            <h2>Errors</h2>
            \(table(headers: ["Phase", "Request", "Code", "Count", "Sample messages"], rows: rows))
            </section>
            """
    }

    /// The run's timeline of events (faults, model swaps, aborts), when there were any.
    static func eventsSection(_ snapshot: RunSnapshot) -> String {
        guard !snapshot.events.isEmpty else { return "" }
        let rows = snapshot.events.map { event -> [String] in
            [
                String(format: "%.1fs", Double(event.atMs) / 1000),
                HTMLEscaping.escape(event.kind),
                HTMLEscaping.escape(event.name),
                HTMLEscaping.escape(event.detail.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")),
                event.durationMs.map { "\($0)ms" } ?? "—",
                HTMLEscaping.escape(event.outcome ?? "—"),
            ]
        }
        return """
            <section>
            <h2>Events</h2>
            \(table(headers: ["At", "Kind", "Name", "Detail", "Duration", "Outcome"], rows: rows))
            </section>
            """
    }
}
