import Foundation
import Testing
@testable import Reports

/// Every string that comes from a scenario, a target or a response reaches the report escaped.
@Suite struct HTMLReportEscapingTests {
    private let escapedHostile = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"

    /// A run whose every free-text field is hostile: name, description, target, phase, request, error samples,
    /// SLA texts and event kind, name and details.
    private func renderHostileRun() throws -> String {
        let hostile = SampleRun.hostile
        return try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let start = RunStart(
                name: hostile, description: hostile, scenarioFile: hostile, scenarioText: hostile, target: hostile,
                gitRevision: hostile, host: hostile, commandLine: hostile, startedAt: Date(timeIntervalSince1970: 1_700_000_000)
            )
            let runID = try store.beginRun(start)
            try store.recordPhase(
                runID: runID, PhaseRecord(index: 0, name: hostile, load: hostile, startedAtMs: 0, endedAtMs: 2000))
            var second = SampleRun.second(0, phase: hostile, sent: 5)
            second.errorsByCode = [hostile: 1]
            try store.appendSecond(
                runID: runID, seconds: [second],
                events: [
                    EventRecord(
                        atMs: 500, kind: hostile, name: hostile, detail: [hostile: hostile], durationMs: 300, outcome: hostile)
                ])
            var stats = SampleRun.stats(request: hostile)
            stats.phase = hostile
            stats.errorsByCode = [hostile: 2]
            try store.finishRun(
                runID: runID, status: .failed, exitCode: 1, endedAt: start.startedAt.addingTimeInterval(2), requestStats: [stats],
                sla: [
                    SLAResultRecord(
                        phase: hostile, request: hostile, threshold: hostile, limitText: hostile, limitValue: 1,
                        observed: 2, observedText: hostile, unit: hostile, passed: false)
                ],
                errors: [ErrorSampleRecord(phase: hostile, request: hostile, code: hostile, count: 2, samples: [hostile])],
                events: []
            )
            return try HTMLReport.render(store: store, runID: runID, baselineRunID: runID)
        }
    }

    @Test func escapingCoversTheFiveSpecialCharacters() {
        #expect(HTMLEscaping.escape(SampleRun.hostile) == escapedHostile)
        #expect(HTMLEscaping.escape("plain ünïcode 1.5ms") == "plain ünïcode 1.5ms")
    }

    @Test func hostileTextNeverReachesTheReportRaw() throws {
        let html = try renderHostileRun()
        // The report adds no script of its own, so any `<script` would be injected.
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(\"x\")"))
        #expect(!html.contains("'q'"))
        #expect(!html.contains("& '"))
    }

    @Test func hostileTextIsEscapedInTextAndAttributes() throws {
        let html = try renderHostileRun()
        #expect(html.contains("<title>\(escapedHostile) — run 1</title>"))
        #expect(html.contains("<h1>\(escapedHostile)</h1>"))
        #expect(html.contains("<p class=\"description\">\(escapedHostile)</p>"))
        #expect(html.contains("<tr><th>Target</th><td>\(escapedHostile)</td></tr>"))
        #expect(html.contains("<li><code>\(escapedHostile)</code></li>"))
        #expect(
            html.contains("<tr class=\"fail\"><td>\(escapedHostile)</td><td>\(escapedHostile)</td><td>\(escapedHostile)</td>"))
        // Attribute values: the SVG's accessible name carries the phase name.
        #expect(html.contains("aria-label=\"Latency by percentile — \(escapedHostile)\""))
        // Chart labels and the event tooltip.
        #expect(html.contains("class=\"band-label\">\(escapedHostile)</text>"))
        #expect(
            html.contains(
                "<title>\(escapedHostile): \(escapedHostile) at 0.5s, for 300ms, outcome \(escapedHostile), \(escapedHostile)=\(escapedHostile)</title>"
            ))
        // The comparison section (run against itself) names phase and request escaped too.
        #expect(html.contains("Baseline: run 1 “\(escapedHostile)”"))
    }
}
