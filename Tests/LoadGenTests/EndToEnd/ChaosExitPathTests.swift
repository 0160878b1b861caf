import Chaos
import Foundation
import Reports
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// No fault outlives the run, whichever way the run ends: the abort condition and SIGTERM revert every fault
/// before loadgen exits (and say why in the stored event); a loadgen killed with -9 leaves its faults in the state
/// file, and `loadgen chaos reset` reverts them. The target is a local server reached through the fault proxy.
@Suite struct ChaosExitPathTests {
    private static func scenario(server: TestHTTPServer, chaos: String) -> String {
        """
        name: chaos-exit
        target: { url: "\(server.baseURL)" }
        requests:
          - { name: ok, method: GET, path: /ok, expect: { status: 200 } }
        phases:
          - { name: steady, duration: 40s, arrival: { rate: 20/s } }
        chaos:
        \(chaos)
        """
    }

    @Test func theAbortConditionRevertsEveryFaultAndFailsTheRun() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let stateFile = directory.path("chaos-state.json")
        let file = try directory.write(
            "abort.yaml",
            Self.scenario(
                server: server,
                chaos: """
                      abort: { error_rate: 50%, for: 2s }
                      faults:
                        - { at: 1s, for: 30s, fault: { http_abort: { status: 503, percentage: 100 } } }
                    """))
        let database = directory.path("results.sqlite")
        let outcome = try await LoadGenProcess.run(
            ["run", file, "--quiet", "--db", database], in: directory.url, within: .seconds(30),
            environment: ["LOADGEN_CHAOS_STATE": stateFile])
        #expect(outcome.exitCode == 1, "\(outcome)")
        #expect(outcome.stdout.contains("FAILED: aborted by the chaos abort condition"))
        #expect(outcome.elapsed < .seconds(20))

        let store = try ResultsStore.open(path: database)
        let runID = try #require(try store.runs(limit: 1).first?.id)
        let fault = try #require(try store.events(runID: runID).first { $0.kind == "chaos" && $0.name.hasPrefix("chaos[0]") })
        #expect(fault.outcome == "ok")
        #expect(fault.detail["reverted_because"]?.hasPrefix("chaos abort condition") == true)
        #expect(try ChaosStateFile(url: URL(fileURLWithPath: stateFile)).entries().isEmpty)
    }

    @Test func sigtermRevertsEveryFaultBeforeExiting() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let stateFile = directory.path("chaos-state.json")
        let state = ChaosStateFile(url: URL(fileURLWithPath: stateFile))
        let file = try directory.write(
            "term.yaml",
            Self.scenario(
                server: server,
                chaos: """
                      - { at: 500ms, for: 30s, fault: { latency: { latency: 100 } } }
                    """))
        let database = directory.path("results.sqlite")
        let loadgen = try LoadGenProcess.launch(
            ["run", file, "--quiet", "--db", database], in: directory.url, environment: ["LOADGEN_CHAOS_STATE": stateFile])
        let outcome = try await loadgen.killingOnFailure {
            try await waitUntil("the fault to be recorded as active", within: .seconds(20)) { (try? state.entries().count) == 1 }
            loadgen.send(SIGTERM)
            return try await loadgen.waitForExit(within: .seconds(30))
        }
        #expect(outcome.exitCode == 130, "\(outcome)")
        #expect(try state.entries().isEmpty)
        let store = try ResultsStore.open(path: database)
        let runID = try #require(try store.runs(limit: 1).first?.id)
        let fault = try #require(try store.events(runID: runID).first { $0.kind == "chaos" && $0.name.hasPrefix("chaos[0]") })
        #expect(fault.detail["reverted_because"] == "interrupted")
    }

    @Test func afterKillNineChaosResetRevertsWhatTheRunLeft() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let stateFile = directory.path("chaos-state.json")
        let state = ChaosStateFile(url: URL(fileURLWithPath: stateFile))
        // A kernel fault outlives the process that made it: an nftables table of its own.
        let file = try directory.write(
            "kill.yaml",
            Self.scenario(
                server: server,
                chaos: """
                      - { at: 500ms, for: 30s, fault: connection_reset }
                    """))
        let loadgen = try LoadGenProcess.launch(
            ["run", file, "--quiet", "--db", directory.path("results.sqlite")], in: directory.url,
            environment: ["LOADGEN_CHAOS_STATE": stateFile])
        try await loadgen.killingOnFailure {
            try await waitUntil("the fault to be recorded as active", within: .seconds(20)) {
                (try? state.entries().first?.record.values.isEmpty == false) == true
            }
            // Checked while the run lives: once it is gone, any `chaos reset` on the machine may sweep its table.
            let table = try #require(try state.entries().first?.record.values["table"])
            #expect(try Self.nftTables().contains(table))
            loadgen.send(SIGKILL)
            _ = try await loadgen.waitForExit(within: .seconds(10))
        }
        let table = try #require(try state.entries().first?.record.values["table"])

        let reset = try await LoadGenProcess.run(
            ["chaos", "reset", "--state", stateFile], in: directory.url, within: .seconds(30))
        #expect(reset.exitCode == 0, "\(reset)")
        #expect(try state.entries().isEmpty)
        #expect(try !Self.nftTables().contains(table))
    }

    private static func nftTables() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/nft")
        process.arguments = ["list", "tables"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
