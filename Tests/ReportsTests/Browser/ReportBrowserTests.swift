import BrowserTestSupport
import Foundation
import Testing
@testable import Reports

/// A generated report opened in a real browser (headless Chromium): it must render without console errors, with
/// its charts and tables in the DOM. The screenshot and the page are kept in test-artifacts/report-browser/.
/// Chromium comes with `make setup`; when it is missing this suite fails and says how to install it rather than
/// passing without having looked.
@Suite(.serialized) struct ReportBrowserTests {
    @Test func storedRunReportRendersWithChartsAndTablesAndNoConsoleErrors() async throws {
        let browser = try HeadlessChromium.require()
        let artifacts = try TestArtifacts.directory("report-browser")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reports-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
        // The golden run: three phases, two requests, events, errors, and a baseline to compare with.
        let (baseline, run) = try HTMLReportGoldenRun.store(in: store)
        let name = try #require(try store.run(id: run)).name
        let page = artifacts.appendingPathComponent("report.html")
        try HTMLReport.render(store: store, runID: run, baselineRunID: baseline).write(
            to: page, atomically: true, encoding: .utf8)

        let load = try await browser.load(page, screenshot: artifacts.appendingPathComponent("report.png"))
        try load.dom.write(to: artifacts.appendingPathComponent("report-dom.html"), atomically: true, encoding: .utf8)

        #expect(load.consoleMessages.isEmpty, "the report logged to the console: \(load.consoleMessages)")
        #expect(load.dom.contains(name))
        // Throughput, latency, error rate and connections over time, plus one percentile distribution per phase.
        #expect(
            occurrences(of: "<svg", in: load.dom) == 4 + HTMLReportGoldenRun.phases.count,
            "charts in the DOM: \(occurrences(of: "<svg", in: load.dom))")
        #expect(occurrences(of: "<polyline", in: load.dom) + occurrences(of: "<path", in: load.dom) >= 6)
        // SLA, per-request statistics, error samples and the comparison with the baseline.
        #expect(occurrences(of: "<table", in: load.dom) >= 4, "tables in the DOM: \(occurrences(of: "<table", in: load.dom))")
        #expect(occurrences(of: "<tr", in: load.dom) >= 10)
        let png = try Data(contentsOf: load.screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the screenshot is not a PNG")
        #expect(png.count > 20_000, "a near-empty screenshot (\(png.count) bytes): the page did not render")
    }

    /// The check above must be able to fail: a page with a script error is caught.
    @Test func aScriptErrorOnThePageIsReported() async throws {
        let browser = try HeadlessChromium.require()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reports-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("broken.html")
        try "<!doctype html><title>t</title><p>x</p><script>console.error('drawn wrong'); missingFunction();</script>"
            .write(to: page, atomically: true, encoding: .utf8)
        let load = try await browser.load(page, screenshot: dir.appendingPathComponent("broken.png"), height: 600)
        #expect(load.consoleMessages.contains { $0.contains("drawn wrong") })
        #expect(load.consoleMessages.contains { $0.contains("Uncaught ReferenceError") })
    }

    private func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
