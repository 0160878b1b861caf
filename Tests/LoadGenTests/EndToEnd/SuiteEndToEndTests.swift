import Foundation
import Testing
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `loadgen suite` with real processes: scenarios run in turn into one database, an index lists their verdicts,
/// the worst exit code wins, and an invalid file stops the suite before anything is sent.
@Suite struct SuiteEndToEndTests {
    private static func scenario(name: String, server: TestHTTPServer, path: String, sla: String) -> String {
        """
        name: \(name)
        target: { url: "\(server.baseURL)" }
        requests:
          - { name: probe, method: GET, path: "\(path)", expect: { status: 200 } }
        phases:
          - { name: steady, duration: 1s, arrival: { rate: 5/s } }
        sla:
          - \(sla)
        """
    }

    @Test func onePassingAndOneBreachingScenarioExitOneAndTheIndexListsBoth() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let scenarios = directory.url.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try Data(Self.scenario(name: "fine", server: server, path: "/ok", sla: "{ phase: steady, p99: 2s }").utf8)
            .write(to: scenarios.appendingPathComponent("a-pass&co.yaml"))
        try Data(Self.scenario(name: "too-slow", server: server, path: "/stall?ms=200", sla: "{ phase: steady, p99: 50ms }").utf8)
            .write(to: scenarios.appendingPathComponent("b-breach.yaml"))
        let reports = directory.path("suite")

        let outcome = try await LoadGenProcess.run(
            ["suite", scenarios.path, "--quiet", "--db", directory.path("results.sqlite"), "--report-dir", reports],
            in: directory.url)

        #expect(outcome.exitCode == 1, "\(outcome)")
        let index = try String(contentsOfFile: reports + "/index.html", encoding: .utf8)
        #expect(index.contains("a-pass&amp;co.yaml"), "\(index)")
        #expect(index.contains("too-slow"))
        #expect(index.contains(">passed<"))
        #expect(index.contains(">SLA breached<"))
        #expect(index.contains("href=\"01-a-pass&amp;co.html\""))
        #expect(index.contains("href=\"02-b-breach.html\""))
        #expect(FileManager.default.fileExists(atPath: reports + "/01-a-pass&co.html"))
        #expect(FileManager.default.fileExists(atPath: reports + "/02-b-breach.html"))
    }

    /// Each scenario's run watches for signals on its own and the suite for the whole session: a SIGTERM during the
    /// second scenario ends that run and the suite with 130, and the third never starts.
    @Test func aSignalInALaterScenarioStopsTheSuite() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let scenarios = directory.url.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        for name in ["a", "b", "c"] {
            let text = Self.scenario(name: name, server: server, path: "/ok", sla: "{ phase: steady, p99: 2s }")
                .replacingOccurrences(of: "duration: 1s", with: "duration: 4s")
            try Data(text.utf8).write(to: scenarios.appendingPathComponent("\(name).yaml"))
        }
        let loadgen = try LoadGenProcess.launch(
            [
                "suite", scenarios.path, "--quiet", "--db", directory.path("results.sqlite"), "--report-dir",
                directory.path("suite"),
            ],
            in: directory.url)
        let outcome = try await loadgen.killingOnFailure {
            try await waitUntil("the first scenario's report", within: .seconds(30)) {
                loadgen.outcome().stdout.contains("01-a.html")
            }
            try await Task.sleep(for: .milliseconds(500))
            loadgen.send(SIGTERM)
            return try await loadgen.waitForExit(within: .seconds(30))
        }
        #expect(outcome.exitCode == 130, "\(outcome)")
        #expect(!outcome.stdout.contains("03-c.html"), "\(outcome)")
        #expect(outcome.stdout.contains("2 of 3 scenario(s) run"), "\(outcome)")
    }

    @Test func anInvalidFileExitsTwoBeforeAnythingRunsAndEveryProblemIsListed() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let good = try directory.write(
            "good.yaml", Self.scenario(name: "good", server: server, path: "/ok", sla: "{ phase: steady, p99: 2s }"))
        let bad = try directory.write("bad.yaml", "name: bad\nphases: 3\n")
        let database = directory.path("results.sqlite")

        let outcome = try await LoadGenProcess.run(
            ["suite", good, bad, directory.path("absent.yaml"), "--quiet", "--db", database], in: directory.url)

        #expect(outcome.exitCode == 2, "\(outcome)")
        #expect(outcome.stderr.contains(bad), "\(outcome)")
        #expect(outcome.stderr.contains("absent.yaml: no such file"), "\(outcome)")
        #expect(server.requestsReceived == 0)
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func runWritesJUnitWithASuitePerPhase() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let file = try directory.write(
            "breach.yaml",
            Self.scenario(
                name: "junit", server: server, path: "/stall?ms=200", sla: "{ phase: steady, p99: 50ms, error_rate: 1% }"))
        let junit = directory.path("out.xml")

        let outcome = try await LoadGenProcess.run(
            ["run", file, "--quiet", "--db", directory.path("results.sqlite"), "--junit", junit], in: directory.url)

        #expect(outcome.exitCode == 1, "\(outcome)")
        let root = try #require(try XMLDocument(contentsOf: URL(fileURLWithPath: junit)).rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "2")
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        let suite = try #require(root.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "name")?.stringValue == "junit.steady")
        let failure = try #require(
            suite.elements(forName: "testcase").first { $0.attribute(forName: "name")?.stringValue == "p99" }?.elements(
                forName: "failure"
            ).first)
        #expect(failure.attribute(forName: "message")?.stringValue?.contains("uncorrected") == true)
        #expect(failure.attribute(forName: "message")?.stringValue?.contains("limit 50ms") == true)
    }
}
