import Foundation
import Testing
@testable import Reports

@Suite struct HTMLReportTests {
    private func render(
        start: RunStart = SampleRun.start(), request: String = "detect", errorMessage: String = "HTTP 503: overloaded"
    ) throws -> String {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let runID = try SampleRun.store(in: store, start: start, request: request, errorMessage: errorMessage)
            return try HTMLReport.render(store: store, runID: runID)
        }
    }

    @Test func reportShowsTheVerdictSLARowsAndStats() throws {
        let html = try render()
        #expect(html.contains("<p class=\"verdict failed\">FAILED — 1 of 2 SLA thresholds breached</p>"))
        #expect(
            html.contains(
                "<tr class=\"pass\"><td>steady</td><td>all</td><td>p99</td><td>500ms</td><td>19.9ms</td><td>14.9ms</td><td>pass</td></tr>"
            ))
        #expect(
            html.contains(
                "<tr class=\"fail\"><td>steady</td><td>all</td><td>error_rate</td><td>1%</td><td>10.00%</td><td>—</td><td>FAIL</td></tr>"
            ))
        // 18 completed over the 2 s steady phase.
        #expect(html.contains("<td>18 / 20</td><td>9.00/s</td>"))
        #expect(html.contains("http_5xx: 2, check_failed: 1"))
        #expect(html.contains("<tr><th>Duration</th><td>3.0s</td></tr>"))
        #expect(html.contains("<tr><th>Git revision</th><td>abc1234</td></tr>"))
    }

    @Test func reportHasFourTimelineChartsAndADistributionPerPhaseWithHistograms() throws {
        let html = try render()
        for title in ["Throughput per second", "Latency per second", "Error rate per second", "Open connections"] {
            #expect(html.contains("aria-label=\"\(title)\""), "missing chart \(title)")
        }
        // Only the steady phase has request totals, so one percentile chart.
        #expect(html.contains("aria-label=\"Latency by percentile — steady\""))
        #expect(html.components(separatedBy: "<svg").count - 1 == 5)
        // Every timeline chart shows both phases and the stored events other than phase starts.
        #expect(html.components(separatedBy: "class=\"band-label\">steady</text>").count - 1 == 4)
        #expect(html.components(separatedBy: "class=\"event-label\">finished</text>").count - 1 == 4)
        #expect(html.contains("<title>run: finished at 3.0s, outcome failed</title>"))
    }

    @Test func reportIsSelfContained() throws {
        let html = try render()
        for external in ["<script", "<link", "src=", "href=", "url(", "@import", "http-equiv"] {
            #expect(!html.contains(external), "report must not load anything: found \(external)")
        }
    }

    @Test func aRunKilledMidwayStillRenders() throws {
        let html = try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("results.sqlite").path
            let runID = try {
                let store = try ResultsStore.open(path: path)
                let runID = try store.beginRun(SampleRun.start())
                try store.recordPhase(runID: runID, PhaseRecord(index: 0, name: "warmup", load: "5/s open", startedAtMs: 0))
                try store.appendSecond(runID: runID, seconds: [SampleRun.seconds[0]], events: [])
                return runID
            }()
            return try HTMLReport.render(store: try ResultsStore.open(path: path), runID: runID)
        }
        #expect(html.contains("ABORTED"))
        #expect(html.contains("No latency histograms were stored."))
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
    }

    @Test func aBaselineAddsTheComparisonSectionWithRegressionsFlagged() throws {
        let html = try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let runs = try HTMLReportGoldenRun.store(in: store)
            return try HTMLReport.render(store: store, runID: runs.candidate, baselineRunID: runs.baseline)
        }
        #expect(html.contains("<h2>Compared with run 1</h2>"))
        #expect(html.contains("Baseline: run 1 “golden”, started 2026-01-01 00:00:00 UTC, passed."))
        // The candidate is 25 % slower: its steady p50 (the first metric column) regressed; one row per phase × request.
        // Latency is compared as SLAs judge it, the 503s counted beyond every success: p50 moves from 14.0/18.4 ms.
        #expect(
            html.contains(
                "<tr><td>steady</td><td>detect</td><td class=\"worse\" title=\"baseline 14.5 ms\">18.8 ms <span class=\"change\">+29.7%</span> <strong title=\"regression\">▲</strong></td>"
            ))
        let comparison = try #require(html.range(of: "<section id=\"comparison\">")).upperBound
        let section = html[comparison...].prefix { _ in true }.components(separatedBy: "</section>")[0]
        #expect(section.components(separatedBy: "<tr><td>steady</td><td>detect</td>").count - 1 == 1)
        #expect(html.contains("<tr><th>Tags</th><td>candidate</td></tr>"))
    }

    @Test func withoutABaselineThereIsNoComparison() throws {
        #expect(!(try render()).contains("id=\"comparison\""))
    }

    @Test func anUnknownRunIsAnErrorNotAnEmptyReport() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let error = try #require(throws: ResultsStoreError.self) { try HTMLReport.render(store: store, runID: 7) }
            #expect(error.kind == .unknownRun)
        }
    }
}
