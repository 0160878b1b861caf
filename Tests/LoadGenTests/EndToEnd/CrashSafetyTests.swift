import Foundation
import Reports
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A loadgen killed with SIGKILL mid-run (OOM killer, CI timeout) leaves a sound results file: every second it
/// committed is there, and the next open marks the run `aborted` instead of leaving it `running` forever.
@Suite struct CrashSafetyTests {
    @Test func killedRunLeavesAnIntactFileWithEveryCommittedSecondAndIsRecoveredAsAborted() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let file = try directory.write(
            "long.yaml",
            """
            name: long
            target: { url: "\(server.baseURL)" }
            requests:
              - { name: probe, method: GET, path: /ok, expect: { status: 200 } }
            phases:
              - { name: steady, duration: 30s, arrival: { rate: 50/s } }
            """)
        let database = directory.path("results.sqlite")
        let results = ResultsFile(path: database)

        let loadgen = try LoadGenProcess.launch(["run", file, "--quiet", "--db", database], in: directory.url)
        var secondsBeforeKill: [Int] = []
        try await loadgen.killingOnFailure {
            try await waitUntil("3 stored seconds", within: .seconds(20)) {
                if loadgen.hasExited { throw LoadGenProcess.Failure(description: "loadgen ended early; \(loadgen.outcome())") }
                secondsBeforeKill = results.storedSeconds()
                return secondsBeforeKill.count >= 3
            }
        }
        loadgen.send(SIGKILL)
        let outcome = try await loadgen.waitForExit(within: .seconds(10))
        #expect(outcome.killedBySignal && outcome.status == SIGKILL, "\(outcome)")

        #expect(try results.integrityCheck() == "ok")
        let secondsAfterKill = results.storedSeconds()
        #expect(
            Set(secondsBeforeKill).isSubset(of: Set(secondsAfterKill)), "before \(secondsBeforeKill), after \(secondsAfterKill)")
        #expect(
            secondsAfterKill == Array(0..<secondsAfterKill.count), "seconds must run contiguously from 0: \(secondsAfterKill)")
        #expect(try results.newestRunStatus() == "running")

        let store = try ResultsStore.open(path: database)
        let runID = try #require(try store.latestRunID())
        #expect(store.recoveredRuns == [runID])
        let run = try #require(try store.run(id: runID))
        #expect(run.status == .aborted)
        #expect(run.endedAt == nil)
        #expect(run.exitCode == nil)
        #expect(try store.seconds(runID: runID).map(\.second) == secondsAfterKill)
    }
}
