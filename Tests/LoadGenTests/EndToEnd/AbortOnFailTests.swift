import Foundation
import Reports
import Testing

/// `abort_on_fail`: a rule that breaks after its grace period ends the run early with exit 1, and the stored run
/// says why. Traffic goes only to an in-process server on 127.0.0.1.
@Suite struct AbortOnFailTests {
    @Test func aBreachedAbortRuleStopsTheRunEarlyAndIsStored() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        // Every response takes 200 ms against a 50 ms p99: the rule fails as soon as its 1 s grace has passed,
        // long before the 30 s phase would end.
        let file = try directory.write(
            "abort.yaml",
            """
            name: abort-on-fail
            target: { url: "\(server.baseURL)" }
            requests:
              - { name: slow, method: GET, path: "/stall?ms=200" }
            phases:
              - { name: steady, duration: 30s, arrival: { rate: 10/s } }
            sla:
              - { phase: steady, p99: 50ms, abort_on_fail: true, grace: 1s }
            """)
        let json = directory.path("summary.json")
        let database = directory.path("results.sqlite")

        let outcome = try await LoadGenProcess.run(["run", file, "--quiet", "--db", database, "--json", json], in: directory.url)

        #expect(outcome.exitCode == 1, "\(outcome)")
        #expect(outcome.stdout.contains("FAILED: aborted by abort_on_fail"), "\(outcome)")
        #expect(outcome.elapsed < .seconds(15), "the run should stop within a few seconds, not run its 30 s")
        let summary = try JSONSummary.read(json)
        #expect(summary.run.status == "failed")
        let store = try ResultsStore.open(path: database)
        let runID = try #require(try store.latestRunID())
        let events = try store.events(runID: runID)
        #expect(events.contains { $0.kind == "sla" && $0.name == "abort_on_fail" && $0.outcome == "aborted" }, "\(events)")
        let phase = try #require(try store.phases(runID: runID).first)
        #expect((phase.endedAtMs ?? 30_000) < 15_000, "the phase is stored as ending when the run was aborted")
    }
}
