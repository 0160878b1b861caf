import Chaos
import Foundation
import Reports
import Testing

extension ScenarioRuns {
    /// scenarios/fault-latency.yaml in its short form (`--duration-scale 0.25`): every fault is injected and
    /// reverted on time, each recovers within its limit, the steady state holds, the killed replica is restarted
    /// by the supervisor, and nothing is left behind (state file empty, no nftables table, no tmpfs mount).
    @Suite struct FaultLatencyEndToEndTests {
        @Test func shortFormInjectsRevertsAndRecoversFromEveryFault() async throws {
            let directory = try TemporaryDirectory()
            let database = directory.path("results.sqlite")
            let stateFile = directory.path("chaos-state.json")
            let scenario = PackageLayout.scenariosDirectory.appendingPathComponent("fault-latency.yaml")
            let outcome = try await LoadGenProcess.run(
                ["run", scenario.path, "--duration-scale", "0.25", "--quiet", "--db", database], in: directory.url,
                within: .seconds(150),
                environment: ["LOADGEN_CHAOS_STATE": stateFile])
            #expect(outcome.exitCode == 0, "\(outcome)")

            let store = try ResultsStore.open(path: database)
            let runID = try #require(try store.runs(limit: 1).first?.id)
            let events = try store.events(runID: runID)
            let faults = events.filter { $0.kind == "chaos" && $0.name.hasPrefix("chaos[") }
            #expect(
                faults.map { $0.detail["fault"] ?? "?" } == [
                    "latency", "bandwidth", "reset_peer", "http_abort", "kill", "freeze", "disk_full",
                ])
            #expect(
                faults.allSatisfy {
                    $0.outcome == "ok" && $0.detail["reverted_because"] == "ttl" && ($0.durationMs ?? 0) >= 1_000
                })
            let recoveries = events.filter { $0.kind == "chaos" && $0.name.hasPrefix("recovery[") }
            #expect(recoveries.count == 7 && recoveries.allSatisfy { $0.outcome == "ok" })
            #expect(events.contains { $0.kind == "supervisor" && $0.outcome == "ready" })
            #expect(events.contains { $0.kind == "steady_state" && $0.outcome == "held" })

            let limits = try store.slaResults(runID: runID).filter { $0.threshold == "recovery" }
            #expect(limits.count == 7 && limits.allSatisfy(\.passed))
            #expect(try ChaosStateFile(url: URL(fileURLWithPath: stateFile)).entries().isEmpty)
            let mounts = try #require(ProcFile.read("/proc/self/mounts"))
            #expect(!mounts.contains("loadgen-bundled-"))
            print(outcome.stdout)
        }
    }
}
