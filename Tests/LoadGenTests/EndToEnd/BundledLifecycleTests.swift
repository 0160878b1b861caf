import Foundation
import Reports
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bundled target's `targetservice` replicas live exactly as long as the run: started by loadgen, stopped by it
/// at the end and on Ctrl-C, never left behind. Serialized: each test starts real replicas on a small machine.
@Suite(.serialized) struct BundledLifecycleTests {
    private static func scenario(duration: String) -> String {
        """
        name: bundled-lifecycle
        target: { bundled: { replicas: 2, model: face } }
        requests:
          - name: detect
            method: POST
            path: /v1/detect
            headers: { content-type: image/jpeg }
            body: { files: "\(PackageLayout.photoGlob)" }
            expect: { status: 200 }
        phases:
          - { name: steady, duration: \(duration), arrival: { rate: 2/s } }
        """
    }

    /// The replicas loadgen started: its `targetservice` children, once both are up.
    private static func replicas(of loadgen: LoadGenProcess) async throws -> [Int32] {
        var pids: [Int32] = []
        try await waitUntil("two targetservice children of loadgen", within: .seconds(30), every: .milliseconds(50)) {
            if loadgen.hasExited { throw LoadGenProcess.Failure(description: "loadgen ended early; \(loadgen.outcome())") }
            pids = ProcessTable.children(of: loadgen.pid, named: "targetservice")
            return pids.count == 2
        }
        return pids
    }

    @Test func shortRunPassesAndLeavesNoReplicaBehind() async throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("bundled.yaml", Self.scenario(duration: "6s"))
        let json = directory.path("summary.json")

        let loadgen = try LoadGenProcess.launch(
            ["run", file, "--quiet", "--db", directory.path("results.sqlite"), "--json", json], in: directory.url)
        let outcome = try await loadgen.waitForExit(within: .seconds(60))

        #expect(outcome.exitCode == 0, "\(outcome)")
        // loadgen records which replicas served the run; each must be gone now that it has exited.
        let store = try ResultsStore.open(path: directory.path("results.sqlite"))
        let runID = try #require(try store.latestRunID())
        let ready = try #require(try store.events(runID: runID).first { $0.kind == "target" && $0.name == "replicas ready" })
        let pids = (ready.detail["pids"] ?? "").split(separator: ",").compactMap { Int32($0) }
        #expect(pids.count == 2, "replica pids stored: \(ready.detail)")
        for pid in pids { #expect(ProcessTable.isGone(pid), "replica \(pid) outlived loadgen") }
        let detect = try #require(try JSONSummary.read(json).totals(phase: "steady", request: "detect"))
        #expect(detect.sent == 12)
        #expect(detect.completed == 12)
        #expect(detect.errors == 0)
        // A status-only request checks no content: nothing counts as a passed check.
        #expect(detect.checksPassed == 0)
    }

    @Test func interruptStopsTheRunStoresItAsAbortedAndStopsTheReplicas() async throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("bundled.yaml", Self.scenario(duration: "20s"))
        let database = directory.path("results.sqlite")

        let loadgen = try LoadGenProcess.launch(["run", file, "--quiet", "--db", database], in: directory.url)
        // Interrupt once load is flowing: the first second is stored.
        let pids = try await loadgen.killingOnFailure {
            let pids = try await Self.replicas(of: loadgen)
            try await waitUntil("a stored second", within: .seconds(30)) {
                if loadgen.hasExited { throw LoadGenProcess.Failure(description: "loadgen ended early; \(loadgen.outcome())") }
                return !ResultsFile(path: database).storedSeconds().isEmpty
            }
            return pids
        }
        let interruptedAt = ContinuousClock.now
        loadgen.send(SIGINT)
        let outcome = try await loadgen.waitForExit(within: .seconds(20))

        #expect(outcome.exitCode == 130, "\(outcome)")
        #expect(ContinuousClock.now - interruptedAt < .seconds(15), "stopping took too long")
        #expect(outcome.stdout.contains("INTERRUPTED"), "\(outcome)")
        for pid in pids { #expect(ProcessTable.isGone(pid), "replica \(pid) outlived loadgen") }
        let store = try ResultsStore.open(path: database)
        #expect(store.recoveredRuns.isEmpty, "the interrupted run must be finished by loadgen itself, not recovered")
        let runID = try #require(try store.latestRunID())
        let run = try #require(try store.run(id: runID))
        #expect(run.status == .aborted)
        #expect(run.exitCode == 130)
    }
}
