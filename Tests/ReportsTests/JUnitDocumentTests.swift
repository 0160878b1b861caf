import Foundation
import Testing
@testable import Reports
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// JUnit XML from a stored run and from a gate result, parsed back with XMLDocument.
@Suite struct JUnitDocumentTests {
    @Test func aStoredRunBecomesASuitePerPhaseAndACasePerThreshold() throws {
        try withTemporaryDirectory { directory in
            let store = try ResultsStore.open(path: directory.appendingPathComponent("r.sqlite").path)
            let runID = try SampleRun.store(in: store)
            let xml = try JUnitDocument(store: store, runID: runID).render()
            let document = try XMLDocument(xmlString: xml)
            let root = try #require(document.rootElement())
            #expect(root.name == "testsuites")
            #expect(root.attribute(forName: "tests")?.stringValue == "2")
            #expect(root.attribute(forName: "failures")?.stringValue == "1")
            let suites = root.elements(forName: "testsuite")
            #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["baseline.warmup", "baseline.steady"])
            let cases = suites[1].elements(forName: "testcase")
            #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["p99", "error_rate"])
            #expect(cases.allSatisfy { $0.attribute(forName: "classname")?.stringValue == "baseline.steady" })
            let failure = try #require(cases[1].elements(forName: "failure").first)
            #expect(failure.attribute(forName: "message")?.stringValue == "observed 10.00%, limit 1%")
            #expect(cases[0].elements(forName: "failure").isEmpty)
        }
    }

    @Test func latencyFailuresShowTheUncorrectedValueAndRequestNames() {
        let record = SLAResultRecord(
            phase: "burst", request: "detect", threshold: "p99", limitText: "250ms", limitValue: 250, observed: 312.4,
            observedText: "312.4ms", uncorrectedObserved: 280.1, unit: "ms", passed: false)
        let test = JUnitDocument.testCase(record, scenario: "s")
        #expect(test.name == "p99 [detect]")
        #expect(test.failure?.message == "observed 312.4ms (uncorrected 280.1ms), limit 250ms")
    }

    @Test func hostileNamesAreEscapedAndTheFileStillParses() throws {
        let hostile = "<a href=\"x\">&amp;</a> 'q' \u{1}\n]]>"
        let document = JUnitDocument(
            name: hostile,
            suites: [
                JUnitDocument.Suite(
                    name: hostile,
                    cases: [
                        JUnitDocument.Case(
                            classname: hostile, name: hostile,
                            failure: JUnitDocument.Problem(message: hostile, type: "T", details: hostile))
                    ])
            ])
        let xml = document.render()
        #expect(!xml.contains("<a href"))
        let parsed = try XMLDocument(xmlString: xml)
        let test = try #require(parsed.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase").first)
        #expect(test.attribute(forName: "name")?.stringValue == "<a href=\"x\">&amp;</a> 'q' \u{FFFD}\n]]>")
        #expect(test.elements(forName: "failure").first?.stringValue == "<a href=\"x\">&amp;</a> 'q' \u{FFFD}\n]]>")
    }

    @Test func aGateResultFailsOnlyRegressedMetrics() throws {
        var slow = GateSyntheticRun()
        slow.medianMs *= 1.3
        let results = RegressionStatistics.judge(
            phase: "steady", baseline: GateSyntheticRun().samples(seed: 1), candidate: slow.samples(seed: 2))
        let reference = GateReport.RunReference(id: 1, name: "base", startedAt: Date(timeIntervalSince1970: 0))
        let gate = GateReport(
            baselineRuns: [reference], candidateRuns: [reference], settings: GateSettings(), results: results, unmatchedPhases: []
        )
        let parsed = try XMLDocument(xmlString: JUnitDocument(gate: gate).render())
        let root = try #require(parsed.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "7")
        #expect(root.attribute(forName: "failures")?.stringValue == "\(gate.regressions.count)")
        #expect(gate.regressions.count >= 3)
    }
}

/// A latency at the top of the histogram's range means the percentile fell among failed requests: people read that,
/// not "3600000.0ms".
@Suite struct LatencyBeyondRangeTextTests {
    @Test func junitAndReportSayFailedRequests() {
        #expect(JUnitDocument.formatted(3_600_000, unit: "ms") == "failed requests")
        #expect(JUnitDocument.formatted(412.5, unit: "ms") == "412.5ms")
        #expect(ReportFormat.slaValue(3_600_000, unit: "ms") == "failed requests")
        #expect(ReportFormat.slaValue(0.25, unit: "ratio") == ReportFormat.percent(0.25))
    }
}
