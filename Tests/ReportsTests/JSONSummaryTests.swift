import Foundation
import Testing
@testable import Reports

@Suite struct JSONSummaryTests {
    @Test func summaryEncodesAndDecodesBack() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let runID = try SampleRun.store(in: store)
            let summary = try JSONSummary(store: store, runID: runID)
            let data = try summary.encoded()
            let decoded = try JSONSummary.decoder().decode(JSONSummary.self, from: data)
            #expect(decoded == summary)

            #expect(decoded.schemaVersion == 2)
            #expect(decoded.run.status == "failed")
            #expect(decoded.run.exitCode == 1)
            #expect(decoded.phases.map(\.name) == ["warmup", "steady"])
            #expect(decoded.requests.first?.throughputPerSecond == 9)
            #expect(decoded.requests.first?.errorsByCode == ["http_5xx": 2, "check_failed": 1])
            #expect(decoded.sla.map(\.passed) == [true, false])
            #expect(decoded.errorsByCode == ["http_5xx": 2])

            let text = try #require(String(data: data, encoding: .utf8))
            #expect(text.contains("\"schema_version\" : 2"))
            #expect(text.contains("\"started_at\" : \"2023-11-14T22:13:20Z\""))
            #expect(text.contains("\"uncorrected_latency_ms\""))
        }
    }

    @Test func latenciesAreInMilliseconds() throws {
        let latency = JSONSummary.Latency(
            LatencySummary(p50: 1500, p90: 2000, p95: 2500, p99: 10_000, p999: 20_000, max: 25_000, mean: 1800))
        #expect(latency.p50 == 1.5)
        #expect(latency.p99 == 10)
        #expect(latency.mean == 1.8)
    }
}
