import Foundation
import Reports
import Testing

/// From the real binary: a failed action fails the run with exit code 1 and is stored as a failed `action` event;
/// with `continue_on_failure: true` the run still passes; an `http` action reaches a local server.
@Suite struct FailedActionExitTests {
    private static func scenario(server: TestHTTPServer, continueOnFailure: Bool) -> String {
        """
        name: actions-exit
        target: { url: "\(server.baseURL)" }
        requests:
          - { name: probe, method: GET, path: /ok }
        phases:
          - { name: steady, duration: 1s, arrival: { rate: 10/s } }
        actions:
          - { at: 100ms, do: http, url: "\(server.baseURL)/ok", expect: { status: 200 }, timeout: 5s }
          - { at: 200ms, do: exec, command: sh, args: ["-c", "echo broken; exit 4"], continue_on_failure: \(continueOnFailure) }
        sla:
          - { error_rate: 0% }
        """
    }

    private func run(continueOnFailure: Bool) async throws -> (LoadGenOutcome, [EventRecord]) {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let file = try directory.write("actions.yaml", Self.scenario(server: server, continueOnFailure: continueOnFailure))
        let database = directory.path("results.sqlite")
        let outcome = try await LoadGenProcess.run(["run", file, "--quiet", "--db", database], in: directory.url)
        let store = try ResultsStore.open(path: database)
        let runID = try #require(try store.runs(limit: 1).first?.id)
        return (outcome, try store.events(runID: runID).filter { $0.kind == "action" })
    }

    @Test func aFailedActionFailsTheRun() async throws {
        let (outcome, events) = try await run(continueOnFailure: false)
        #expect(outcome.exitCode == 1, "\(outcome)")
        #expect(outcome.stdout.contains("FAILED: 1 action(s) failed: actions[1] exec"), "\(outcome)")
        #expect(events.map(\.name) == ["http", "exec"])
        #expect(events.map(\.outcome) == ["ok", "failed"])
        #expect(events[1].detail["exit_code"] == "4")
        #expect(events[1].detail["output_tail"] == "broken")
        #expect(events[1].detail["message"] == "sh exited with 4, expected 0")
        #expect((events[1].atMs) >= 200)
    }

    @Test func continueOnFailureKeepsTheVerdict() async throws {
        let (outcome, events) = try await run(continueOnFailure: true)
        #expect(outcome.exitCode == 0, "\(outcome)")
        #expect(events.map(\.outcome) == ["ok", "failed"])
        #expect(events[1].detail["continue_on_failure"] == "true")
    }
}
