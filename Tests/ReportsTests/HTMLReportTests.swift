import Foundation
import Testing
@testable import Reports

@Suite struct HTMLReportTests {
    private let escapedHostile = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"

    private func render(start: RunStart = SampleRun.start(), request: String = "detect", errorMessage: String = "HTTP 503: overloaded") throws -> String {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let runID = try SampleRun.store(in: store, start: start, request: request, errorMessage: errorMessage)
            return try HTMLReport.render(store: store, runID: runID)
        }
    }

    @Test func escapingCoversTheFiveSpecialCharacters() {
        #expect(HTMLEscaping.escape(SampleRun.hostile) == escapedHostile)
        #expect(HTMLEscaping.escape("plain ünïcode 1.5ms") == "plain ünïcode 1.5ms")
    }

    @Test func hostileScenarioTargetAndResponseTextIsEscaped() throws {
        let html = try render(
            start: SampleRun.start(name: SampleRun.hostile, target: SampleRun.hostile),
            request: SampleRun.hostile, errorMessage: SampleRun.hostile
        )
        #expect(!html.contains("<script"))
        #expect(!html.contains("'q'"))
        #expect(html.contains("<h1>\(escapedHostile)</h1>"))
        #expect(html.contains("<title>\(escapedHostile)"))
        #expect(html.contains("<td>\(escapedHostile)</td>"))
        #expect(html.contains("<li><code>\(escapedHostile)</code></li>"))
    }

    @Test func reportShowsTheSLARowsStatsAndTwoCharts() throws {
        let html = try render()
        #expect(html.contains("FAILED — 1 of 2 SLA thresholds breached"))
        #expect(html.contains("<tr class=\"pass\"><td>steady</td><td>all</td><td>p99</td><td>500ms</td><td>19.9ms</td><td>14.9ms</td><td>pass</td></tr>"))
        #expect(html.contains("<tr class=\"fail\"><td>steady</td><td>all</td><td>error_rate</td><td>1%</td><td>10.00%</td><td>—</td><td>FAIL</td></tr>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains("Throughput per second"))
        #expect(html.contains("Latency per second (corrected)"))
        #expect(html.contains("class=\"band-label\">steady</text>"))
        // 18 completed over the 2 s steady phase.
        #expect(html.contains("<td>18 / 20</td><td>9.00/s</td>"))
        #expect(html.contains("http_5xx: 2, check_failed: 1"))
    }

    @Test func reportIsSelfContained() throws {
        let html = try render()
        for external in ["<script", "<link", "src=", "href=", "url(", "@import"] {
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
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
    }

    @Test func anUnknownRunIsAnErrorNotAnEmptyReport() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let error = try #require(throws: ResultsStoreError.self) { try HTMLReport.render(store: store, runID: 7) }
            #expect(error.kind == .unknownRun)
        }
    }
}
