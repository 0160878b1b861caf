import Foundation
import Reports
import Testing

extension ScenarioRuns {
    /// scenarios/disaster-recovery.yaml in its short form (`--duration-scale 0.2`): every replica is killed and its
    /// data deleted under load, restored from its scheduled backups and started again; the run passes its RTO and
    /// RPO limits and stores the drill's measurements as events.
    @Suite struct DisasterRecoveryEndToEndTests {
        @Test func shortFormRecoversWithinItsLimitsAndStoresRTOAndRPO() async throws {
            let directory = try TemporaryDirectory()
            let database = directory.path("results.sqlite")
            let scenario = PackageLayout.scenariosDirectory.appendingPathComponent("disaster-recovery.yaml")
            let outcome = try await LoadGenProcess.run(
                ["run", scenario.path, "--duration-scale", "0.2", "--quiet", "--db", database], in: directory.url,
                within: .seconds(120))
            #expect(outcome.exitCode == 0, "\(outcome)")

            let store = try ResultsStore.open(path: database)
            let runID = try #require(try store.runs(limit: 1).first?.id)
            let events = try store.events(runID: runID)
            let actions = events.filter { $0.kind == "action" }
            #expect(actions.map(\.name) == ["disaster", "restore"])
            #expect(actions.allSatisfy { $0.outcome == "ok" })
            #expect(actions[0].detail["killed_pids"]?.split(separator: ",").count == 2)
            #expect(actions[1].detail["integrity_check"] == "replica 1: ok; replica 2: ok")

            let rto = try #require(events.first { $0.kind == "recovery" && $0.name == "rto" })
            let rpo = try #require(events.first { $0.kind == "recovery" && $0.name == "rpo" })
            #expect(rto.outcome == "ok" && rto.durationMs != nil && rto.atMs == actions[0].atMs)
            #expect(rto.detail["integrity_check"] == "ok")
            #expect(rto.detail["version_before"] == "1" && rto.detail["version_after"] == "1")
            #expect(rpo.outcome == "ok")
            #expect(Int(rpo.detail["acknowledged_writes"] ?? "") ?? 0 > 10)

            let limits = try store.slaResults(runID: runID).filter { ["rto", "rpo", "rpo_writes"].contains($0.threshold) }
            #expect(limits.count == 3 && limits.allSatisfy(\.passed))
            print(outcome.stdout)
        }
    }
}
