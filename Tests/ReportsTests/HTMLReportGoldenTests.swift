// Golden-file test of the whole HTML report.
//
// The report of a run built from a fixed seed (HTMLReportGoldenRun) must match the recorded HTML in
// Golden/HTMLReportGolden.swift byte for byte. When a change to the report is intended, re-record that file and
// review its diff before committing:
//
//     RECORD_GOLDENS=1 swift test --filter HTMLReportGolden
//
// The golden HTML is kept as a Swift raw string rather than an .html file because any other file inside the test
// target would need a resource or exclude rule in Package.swift (SwiftPM warns about unhandled files). On a mismatch
// the rendered report is written beside the system temporary files for opening in a browser.
//
import Foundation
import Testing
@testable import Reports

@Suite struct HTMLReportGoldenTests {
    static let goldenFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent("HTMLReportGolden.swift")

    private func renderGoldenRun() throws -> String {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let runs = try HTMLReportGoldenRun.store(in: store)
            return try HTMLReport.render(store: store, runID: runs.candidate, baselineRunID: runs.baseline)
        }
    }

    @Test func reportMatchesTheGoldenFile() throws {
        let html = try renderGoldenRun()
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Self.goldenSource(html).write(to: Self.goldenFile, atomically: true, encoding: .utf8)
            return
        }
        if let difference = Self.firstDifference(expected: htmlReportGolden, actual: html) {
            let actualFile = FileManager.default.temporaryDirectory.appendingPathComponent("report-golden-actual.html")
            try? html.write(to: actualFile, atomically: true, encoding: .utf8)
            Issue.record("""
                The report differs from the golden HTML (Golden/HTMLReportGolden.swift) at line \(difference.line):
                  expected: \(difference.expected)
                  actual:   \(difference.actual)
                The rendered report is at \(actualFile.path). If the change is intended, re-record with
                `RECORD_GOLDENS=1 swift test --filter HTMLReportGolden` and review the diff.
                """)
        }
    }

    /// The golden file's Swift source: the HTML verbatim inside a raw string literal (no escapes, no interpolation).
    static func goldenSource(_ html: String) -> String {
        """
        // The expected HTML report of HTMLReportGoldenRun, byte for byte. Recorded by
        // `RECORD_GOLDENS=1 swift test --filter HTMLReportGolden`: do not edit by hand.
        let htmlReportGolden = ##\"""
        \(html)
        \"""##

        """
    }

    @Test func renderingTheSameRunTwiceGivesTheSameBytes() throws {
        #expect(try renderGoldenRun() == renderGoldenRun())
    }

    @Test func firstDifferenceNamesTheLine() {
        let difference = Self.firstDifference(expected: "a\nb\nc", actual: "a\nB\nc")
        #expect(difference?.line == 2)
        #expect(difference?.expected == "b")
        #expect(difference?.actual == "B")
        #expect(Self.firstDifference(expected: "a\n", actual: "a\n") == nil)
        #expect(Self.firstDifference(expected: "a", actual: "a\nmore")?.expected == "<end of file>")
    }

    /// The first line (1-based) where the two texts differ, with both versions of it.
    static func firstDifference(expected: String, actual: String) -> (line: Int, expected: String, actual: String)? {
        guard expected != actual else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let old = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            let new = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
            if old != new { return (index + 1, old, new) }
        }
        return nil
    }
}
