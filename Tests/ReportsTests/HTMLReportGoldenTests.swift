// Golden-file test of the whole HTML report.
//
// The report of a run built from a fixed seed (HTMLReportGoldenRun) must match the recorded HTML in
// Golden/report.golden.html byte for byte. When a change to the report is intended, re-record that file and
// review its diff before committing:
//
//     RECORD_GOLDENS=1 swift test --filter HTMLReportGolden
//
// The Golden folder is excluded from the test target in Package.swift and read from the source tree, so a re-recorded
// file counts at once. On a mismatch the rendered report is written to the system temporary directory for opening
// in a browser.
//
import Foundation
import Testing
@testable import Reports

@Suite struct HTMLReportGoldenTests {
    static let goldenFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent("report.golden.html")

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
            try FileManager.default.createDirectory(
                at: Self.goldenFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try html.write(to: Self.goldenFile, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: Self.goldenFile, encoding: .utf8)
        if let difference = Self.firstDifference(expected: golden, actual: html) {
            let actualFile = FileManager.default.temporaryDirectory.appendingPathComponent("report-golden-actual.html")
            try? html.write(to: actualFile, atomically: true, encoding: .utf8)
            Issue.record(
                """
                The report differs from the golden HTML (Golden/report.golden.html) at line \(difference.line):
                  expected: \(difference.expected)
                  actual:   \(difference.actual)
                The rendered report is at \(actualFile.path). If the change is intended, re-record with
                `RECORD_GOLDENS=1 swift test --filter HTMLReportGolden` and review the diff.
                """)
        }
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
