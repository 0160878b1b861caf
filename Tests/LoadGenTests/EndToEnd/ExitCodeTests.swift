import Foundation
import Reports
import Testing

/// `loadgen run`'s exit codes, the contract a CI job gates on, from the real binary: 0 passed, 1 SLA breached,
/// 2 invalid scenario or usage, 3 could not run. Traffic goes only to an in-process server on 127.0.0.1.
@Suite struct ExitCodeTests {
    /// A url-target scenario aimed at `server`, with one GET request.
    private static func scenario(server: TestHTTPServer, path: String, rate: Int, sla: String) -> String {
        """
        name: exit-codes
        target: { url: "\(server.baseURL)" }
        requests:
          - { name: probe, method: GET, path: "\(path)", expect: { status: 200 } }
        phases:
          - { name: steady, duration: 1s, arrival: { rate: \(rate)/s } }
        sla:
          - \(sla)
        """
    }

    @Test func passingScenarioExitsZeroAndTheSummaryCountsEveryRequest() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let file = try directory.write(
            "pass.yaml",
            Self.scenario(
                server: server, path: "/ok", rate: 20, sla: "{ phase: steady, p99: 2s, error_rate: 0% }"))
        let json = directory.path("summary.json")

        let outcome = try await LoadGenProcess.run(
            ["run", file, "--quiet", "--db", directory.path("results.sqlite"), "--json", json], in: directory.url)

        #expect(outcome.exitCode == 0, "\(outcome)")
        let summary = try JSONSummary.read(json)
        #expect(summary.run.status == "passed")
        #expect(summary.run.exitCode == 0)
        let probe = try #require(summary.totals(phase: "steady", request: "probe"), "\(summary.requests)")
        #expect(probe.sent == 20)
        #expect(probe.completed == 20)
        #expect(probe.errors == 0)
        #expect(probe.dropped == 0)
        #expect(summary.sla.filter { !$0.passed }.isEmpty, "\(summary.sla)")
        #expect(server.requestsReceived == 20)
    }

    @Test func slaThatCannotHoldExitsOneAndMarksTheThresholdFailed() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        // Every response takes 200 ms, so a 50 ms p99 is breached whatever the machine's load.
        let file = try directory.write(
            "breach.yaml",
            Self.scenario(
                server: server, path: "/stall?ms=200", rate: 5, sla: "{ phase: steady, p99: 50ms }"))
        let json = directory.path("summary.json")

        let outcome = try await LoadGenProcess.run(
            ["run", file, "--quiet", "--db", directory.path("results.sqlite"), "--json", json], in: directory.url)

        #expect(outcome.exitCode == 1, "\(outcome)")
        let summary = try JSONSummary.read(json)
        #expect(summary.run.status == "failed")
        let p99 = try #require(summary.sla.first { $0.threshold == "p99" }, "\(summary.sla)")
        #expect(p99.passed == false)
        #expect(p99.phase == "steady")
        #expect(p99.limit == "50ms")
        // Observed and limit share `unit`: every response took 200 ms against a 50 ms limit.
        #expect(p99.observed >= 4 * p99.limitValue, "\(p99)")
        #expect(outcome.stdout.contains("FAILED"))
    }

    /// With no SLA, the run's verdict says what happened: every request failing is a failed run (exit 1), and a
    /// status-only request shows "—" for checks, as nothing was checked. A scenario that expects the failures passes.
    @Test func withoutAnSLA_nothingSucceedingFailsTheRunAndNothingCheckedShowsADash() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        func scenario(expect status: Int) -> String {
            """
            name: no-sla
            target: { url: "\(server.baseURL)" }
            requests:
              - { name: probe, method: GET, path: "/status/503", expect: { status: \(status) } }
            phases:
              - { name: steady, duration: 1s, arrival: { rate: 10/s } }
            """
        }
        let failing = try directory.write("failing.yaml", scenario(expect: 200))
        let outcome = try await LoadGenProcess.run(
            ["run", failing, "--db", directory.path("results.sqlite")], in: directory.url)
        #expect(outcome.exitCode == 1, "\(outcome)")
        #expect(
            outcome.stdout.contains(
                "FAILED: none of 10 requests got a response its expectations accept: 10 answered with an unexpected status (no SLA defined)"
            ), "\(outcome.stdout)")
        let row = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("steady") }, "\(outcome.stdout)")
        #expect(row.contains(" — "), "\(row)")
        #expect(!row.contains("100.0%"), "\(row)")

        let expected = try directory.write("expected.yaml", scenario(expect: 503))
        let passing = try await LoadGenProcess.run(
            ["run", expected, "--db", directory.path("results.sqlite")], in: directory.url)
        #expect(passing.exitCode == 0, "\(passing)")
        #expect(passing.stdout.contains("PASSED (no SLA defined): 10 of 10 requests answered as expected"), "\(passing.stdout)")
    }

    @Test func misspeltKeyExitsTwoWithItsPositionAndTheFixAndCreatesNoDatabase() async throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(
            "typo.yaml",
            """
            name: typo
            target: { url: "http://127.0.0.1:9" }
            requests:
              - { name: probe, path: /ok }
            phases:
              - name: steady
                durration: 1s
                arrival: { rate: 1/s }
            """)
        let database = directory.path("results.sqlite")

        let outcome = try await LoadGenProcess.run(["run", file, "--quiet", "--db", database], in: directory.url)

        #expect(outcome.exitCode == 2, "\(outcome)")
        #expect(
            outcome.stderr.contains("\(file):7:5: unknown key 'durration' in phases[0]; did you mean 'duration'?"), "\(outcome)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func usageErrorExitsTwo() async throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("never-read.yaml", "name: x\n")
        let database = directory.path("results.sqlite")

        let outcome = try await LoadGenProcess.run(["run", file, "--loops", "0", "--db", database], in: directory.url)

        #expect(outcome.exitCode == 2, "\(outcome)")
        #expect(outcome.stderr.contains("--loops must be at least 1 (got 0)"), "\(outcome)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func bundledTargetWithoutItsExecutableExitsThreeAndSaysWhatToDo() async throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(
            "bundled.yaml",
            """
            name: bundled
            target: { bundled: { replicas: 1, model: face } }
            requests:
              - { name: health, path: /healthz }
            phases:
              - { name: steady, duration: 1s, arrival: { rate: 1/s } }
            """)

        let outcome = try await LoadGenProcess.run(
            ["run", file, "--quiet", "--db", directory.path("results.sqlite"), "--targetservice", "/nonexistent"],
            in: directory.url)

        #expect(outcome.exitCode == 3, "\(outcome)")
        #expect(outcome.stderr.contains("--targetservice /nonexistent: no executable file there"), "\(outcome)")
        #expect(outcome.stderr.contains("swift build"), "\(outcome)")
    }

    @Test func databaseUnderARegularFileExitsThreeAndNamesThePath() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let file = try directory.write(
            "pass.yaml",
            Self.scenario(
                server: server, path: "/ok", rate: 5, sla: "{ phase: steady, error_rate: 0% }"))
        let regularFile = try directory.write("not-a-directory", "")
        let database = regularFile + "/results.sqlite"

        let outcome = try await LoadGenProcess.run(["run", file, "--quiet", "--db", database], in: directory.url)

        #expect(outcome.exitCode == 3, "\(outcome)")
        #expect(outcome.stderr.contains(database), "\(outcome)")
        #expect(outcome.stderr.contains("--db"), "\(outcome)")
        // Nothing was sent: the store is opened before the load starts.
        #expect(server.requestsReceived == 0)
    }
}
