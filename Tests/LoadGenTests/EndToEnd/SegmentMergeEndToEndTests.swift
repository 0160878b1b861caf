import Foundation
import GRDB
import Testing

@testable import LoadGen

extension ScenarioRuns {
    /// Three segments of a scenario, run by the real binary and merged, against one whole run of it: the same
    /// requests second by second, and a merged run that every command can read.
    @Suite struct SegmentMergeEndToEndTests {
        private func scenario(in directory: borrowing TemporaryDirectory, target: String) throws -> String {
            try directory.write(
                "split.yaml",
                """
                name: split
                target: { url: "\(target)" }
                requests:
                  - { name: r, method: GET, path: "/ok" }
                phases:
                  - { name: warmup, duration: 1s, arrival: { rate: 30/s } }
                  - { name: steady, duration: 2s, arrival: { rate: 60/s } }
                sla:
                  - { phase: steady, error_rate: 0%, p99: 1s }
                """)
        }

        private func sentPerSecond(_ database: String) throws -> [Int] {
            try DatabaseQueue(path: database).read { db in
                try Int.fetchAll(
                    db,
                    sql: """
                        SELECT SUM(sent) FROM seconds WHERE run_id = (SELECT MAX(id) FROM runs) GROUP BY second ORDER BY second
                        """)
            }
        }

        @Test func threeMergedSegmentsAreTheWholeRunSecondBySecond() async throws {
            let directory = try TemporaryDirectory()
            try await TestHTTPServer.with { server in
                let file = try scenario(in: directory, target: server.baseURL)
                let whole = directory.path("whole.sqlite")
                let single = try await LoadGenProcess.run(["run", file, "--quiet", "--db", whole], in: directory.url)
                #expect(single.exitCode == 0, "\(single)")

                let parts = directory.url.appendingPathComponent("parts")
                for index in 0..<3 {
                    let outcome = try await LoadGenProcess.run(
                        [
                            "run", file, "--quiet", "--segment", "\(index)/3", "--db",
                            parts.appendingPathComponent("segment-\(index).sqlite").path,
                        ],
                        in: directory.url)
                    #expect(outcome.exitCode == 0, "\(outcome)")
                }
                let merged = directory.path("merged.sqlite")
                let json = directory.path("merged.json")
                let outcome = try await LoadGenProcess.run(
                    ["merge", parts.path, "--db", merged, "--json", json], in: directory.url)
                #expect(outcome.exitCode == 0, "\(outcome)")
                #expect(outcome.stdout.contains("3 of 3 segments merged"), "\(outcome)")

                #expect(try sentPerSecond(merged) == sentPerSecond(whole))
                #expect(try sentPerSecond(merged).reduce(0, +) == 150)
                // Latency against the same local server: the merged run and the whole run agree within noise.
                let p50 = { (database: String) in
                    try DatabaseQueue(path: database).read { db in
                        try Int64.fetchOne(db, sql: "SELECT p50_us FROM request_stats WHERE phase = 'steady'") ?? 0
                    }
                }
                let (mergedP50, wholeP50) = (try p50(merged), try p50(whole))
                #expect(mergedP50 > 0 && wholeP50 > 0)
                #expect(abs(mergedP50 - wholeP50) <= max(5_000, wholeP50 / 2), "p50 \(mergedP50) µs merged, \(wholeP50) µs whole")
                let (segment, fingerprint, wholeFingerprint) = try await DatabaseQueue(path: merged).read { db in
                    (
                        try String.fetchOne(db, sql: "SELECT segment FROM runs"),
                        try String.fetchOne(db, sql: "SELECT load_fingerprint FROM runs"),
                        try DatabaseQueue(path: whole).read { try String.fetchOne($0, sql: "SELECT load_fingerprint FROM runs") }
                    )
                }
                #expect(segment == nil)
                // Like with like: the merged run compares with a whole run of the scenario.
                #expect(fingerprint == wholeFingerprint)
                let segmentEvents = try await DatabaseQueue(path: merged).read { db in
                    try String.fetchAll(db, sql: "SELECT name FROM events WHERE kind = 'segment' ORDER BY name")
                }
                #expect(segmentEvents == ["0/3", "1/3", "2/3"])
                let report = try await LoadGenProcess.run(
                    ["report", "latest", "--db", merged, "--output", directory.path("merged.html")], in: directory.url)
                #expect(report.exitCode == 0, "\(report)")
                let html = try String(contentsOfFile: directory.path("merged.html"), encoding: .utf8)
                #expect(html.contains("<section id=\"segments\">") && html.contains("<td>2/3</td>"))
                #expect(outcome.stdout.contains("segments:"), "\(outcome)")
            }
        }

        /// scripts/distributed-local.sh: three processes under the Indexed Job's contract (index from the environment,
        /// one shared directory, one start instant), merged.
        @Test func theLocalScriptRunsTheJobsContractAndMerges() async throws {
            let directory = try TemporaryDirectory()
            try await TestHTTPServer.with { server in
                let file = try scenario(in: directory, target: server.baseURL)
                let results = directory.path("distributed")
                let script = Process()
                script.executableURL = URL(fileURLWithPath: "/bin/bash")
                script.arguments = [PackageLayout.root.appendingPathComponent("scripts/distributed-local.sh").path, "3", file]
                script.environment = ProcessInfo.processInfo.environment.merging(
                    ["LOADGEN": PackageLayout.loadgen.path, "RESULTS": results, "START_DELAY_MS": "2000"]) { $1 }
                let output = directory.url.appendingPathComponent("script.out")
                _ = FileManager.default.createFile(atPath: output.path, contents: nil)
                script.standardOutput = try FileHandle(forWritingTo: output)
                script.standardError = script.standardOutput
                try script.run()
                try await waitUntil("the script to finish", within: .seconds(60)) { !script.isRunning }
                let log = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
                #expect(script.terminationStatus == 0, "\(log)")
                #expect(log.contains("3 of 3 segments merged"), "\(log)")
                #expect(try sentPerSecond(results + "/merged.sqlite").reduce(0, +) == 150)
                // Each segment started from the shared instant and says how late it was.
                let starts = try await DatabaseQueue(path: results + "/merged.sqlite").read { db in
                    try String.fetchAll(db, sql: "SELECT detail FROM events WHERE kind = 'run' AND name = 'start'")
                }
                #expect(starts.count == 3)
                #expect(server.requestsReceived == 150)
            }
        }

        /// One segment's abort, written to the shared directory, stops another segment's run early.
        @Test func anotherSegmentsAbortStopsThisSegment() async throws {
            let directory = try TemporaryDirectory()
            try await TestHTTPServer.with { server in
                let file = try directory.write(
                    "long.yaml",
                    """
                    name: long-split
                    target: { url: "\(server.baseURL)" }
                    requests:
                      - { name: r, method: GET, path: "/ok" }
                    phases:
                      - { name: steady, duration: 30s, arrival: { rate: 20/s } }
                    """)
                let shared = directory.url.appendingPathComponent("shared")
                let run = try LoadGenProcess.launch(
                    ["run", file, "--quiet", "--segment", "1/2", "--db", shared.appendingPathComponent("segment-1.sqlite").path],
                    in: directory.url)
                try await Task.sleep(for: .seconds(2))
                SegmentAbortSignal(
                    directory: shared, scenario: "long-split", startAt: nil, segment: try ExecutionSegment(index: 0, count: 2),
                    startedAt: Date()
                ).announce("abort_on_fail: steady error_rate 50% > 1%")
                let announced = ContinuousClock.now
                let outcome = try await run.waitForExit(within: .seconds(20))
                let stoppedAfter = ContinuousClock.now - announced
                #expect(outcome.exitCode == 1, "\(outcome)")
                #expect(outcome.stdout.contains("FAILED: stopped because segment 0/2 aborted"), "\(outcome)")
                // The segment looks once a second; the 30 s run ends long before its schedule.
                #expect(stoppedAfter < .seconds(10), "stopped \(stoppedAfter) after the abort was written")
            }
        }

        @Test func inputsThatAreNotOneSplitRunAreRefused() async throws {
            let directory = try TemporaryDirectory()
            try await TestHTTPServer.with { server in
                let file = try scenario(in: directory, target: server.baseURL)
                let zero = directory.path("zero.sqlite")
                let one = directory.path("one.sqlite")
                let otherSplit = directory.path("other-split.sqlite")
                for (segment, database) in [("0/2", zero), ("1/2", one), ("1/3", otherSplit)] {
                    let outcome = try await LoadGenProcess.run(
                        ["run", file, "--quiet", "--duration-scale", "0.5", "--segment", segment, "--db", database],
                        in: directory.url)
                    #expect(outcome.exitCode == 0, "\(outcome)")
                }
                let refusals: [([String], String)] = [
                    ([zero], "segment(s) 1/2 missing"),
                    ([zero, zero], "is in both"),
                    ([zero, otherSplit], "must split the scenario the same way"),
                ]
                for (inputs, message) in refusals {
                    let outcome = try await LoadGenProcess.run(
                        ["merge"] + inputs + ["--db", directory.path("m.sqlite")], in: directory.url)
                    #expect(outcome.exitCode == 2, "\(inputs): \(outcome)")
                    #expect(outcome.stderr.contains(message), "\(inputs): \(outcome)")
                }
                let partial = try await LoadGenProcess.run(
                    ["merge", zero, "--partial", "--db", directory.path("partial.sqlite")], in: directory.url)
                #expect(partial.exitCode == 0, "\(partial)")
                #expect(partial.stdout.contains("[partial: segment(s) 1/2 missing]"), "\(partial)")
            }
        }
    }
}
