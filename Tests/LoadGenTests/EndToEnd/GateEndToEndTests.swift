import Foundation
import Reports
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

extension ScenarioRuns {
    /// `loadgen gate` on real runs: two runs against the same fixed-delay server pass, a run against a 30 % slower
    /// server fails. The test server adds the delay with a scheduled task, so concurrent requests do not queue.
    @Suite struct GateEndToEndTests {
        /// An open-model scenario of `seconds` seconds against `/stall?ms=delay`: enough seconds for the bootstrap.
        private static func scenario(server: TestHTTPServer, delayMs: Int, seconds: Int = 6) -> String {
            """
            name: gate-e2e
            target: { url: "\(server.baseURL)" }
            requests:
              - { name: stall, method: GET, path: "/stall?ms=\(delayMs)", expect: { status: 200 } }
            phases:
              - { name: steady, duration: \(seconds)s, arrival: { rate: 50/s } }
            sla:
              - { phase: steady, error_rate: 1% }
            """
        }

        @Test func sameBuildPassesAndThirtyPercentSlowerFails() async throws {
            let directory = try TemporaryDirectory()
            let server = try await TestHTTPServer.start()
            defer { Task { await server.stop() } }
            let database = directory.path("results.sqlite")
            // The three runs go at the same time, so whatever else the machine is doing (the rest of the test suite
            // runs detections in parallel) slows all of them alike: the pairs differ only in what the test sets, as
            // interleaved A/B runs do in the benchmarks. Run one after another, a busy second for one run alone shifted
            // its p50 by 18 %.
            let normal = try directory.write("normal.yaml", Self.scenario(server: server, delayMs: 100))
            let again = try directory.write("again.yaml", Self.scenario(server: server, delayMs: 100))
            let slowed = try directory.write("slowed.yaml", Self.scenario(server: server, delayMs: 130))
            let runs = try [normal, again, slowed].map { file in
                try LoadGenProcess.launch(["run", file, "--quiet", "--db", database], in: directory.url)
            }
            for run in runs {
                let outcome = try await run.waitForExit(within: .seconds(60))
                #expect(outcome.exitCode == 0, "\(outcome)")
            }
            // Which id each run got depends on which process began first.
            let store = try ResultsStore.open(path: database)
            let ids = Dictionary(uniqueKeysWithValues: try store.runs(limit: 10).map { (URL(fileURLWithPath: $0.scenarioFile).lastPathComponent, $0.id ?? 0) })
            let (normalID, againID, slowedID) = (try #require(ids["normal.yaml"]), try #require(ids["again.yaml"]), try #require(ids["slowed.yaml"]))

            let tagged = try await LoadGenProcess.run(["tag", "\(normalID)", "good", "--db", database], in: directory.url)
            #expect(tagged.exitCode == 0, "\(tagged)")
            let same = try await LoadGenProcess.run(
                ["gate", "--baseline", "good", "--candidate", "\(againID)", "--db", database, "--json", directory.path("same.json")],
                in: directory.url)
            #expect(same.exitCode == 0, "\(same)")
            #expect(same.stdout.contains("PASSED"), "\(same)")

            let junit = directory.path("gate.xml")
            let slow = try await LoadGenProcess.run(
                ["gate", "--baseline", "good", "--candidate", "\(slowedID)", "--db", database, "--max-regression", "10%", "--junit", junit,
                 "--json", directory.path("slow.json")],
                in: directory.url)
            #expect(slow.exitCode == 1, "\(slow)")
            #expect(slow.stdout.contains("REGRESSED"), "\(slow)")
            let report = try JSONDecoder.gate.decode(GateReport.self, from: Data(contentsOf: URL(fileURLWithPath: directory.path("slow.json"))))
            #expect(report.candidate.id == slowedID)
            #expect(report.regressions.contains { $0.metric == .p50 }, "\(report.results)")
            let document = try XMLDocument(contentsOf: URL(fileURLWithPath: junit))
            // p50, p90, p95, p99, the p99 of all attempts and the error rate.
            #expect(document.rootElement()?.attribute(forName: "tests")?.stringValue == "6")
        }

        @Test func unknownTagBadPercentageAndMissingDatabaseExitTwo() async throws {
            let directory = try TemporaryDirectory()
            let missing = directory.path("nothing.sqlite")
            let noDatabase = try await LoadGenProcess.run(["gate", "--baseline", "good", "--db", missing], in: directory.url)
            #expect(noDatabase.exitCode == 2, "\(noDatabase)")
            #expect(noDatabase.stderr.contains("does not exist"), "\(noDatabase)")
            #expect(!FileManager.default.fileExists(atPath: missing))

            let badMargin = try await LoadGenProcess.run(["gate", "--baseline", "1", "--max-regression", "ten", "--db", missing], in: directory.url)
            #expect(badMargin.exitCode == 2, "\(badMargin)")
            #expect(badMargin.stderr.contains("--max-regression"), "\(badMargin)")

            let server = try await TestHTTPServer.start()
            defer { Task { await server.stop() } }
            let database = directory.path("results.sqlite")
            let file = try directory.write("short.yaml", Self.scenario(server: server, delayMs: 1, seconds: 1))
            let run = try await LoadGenProcess.run(["run", file, "--quiet", "--db", database], in: directory.url)
            #expect(run.exitCode == 0, "\(run)")
            let unknown = try await LoadGenProcess.run(["gate", "--baseline", "nightly", "--db", database], in: directory.url)
            #expect(unknown.exitCode == 2, "\(unknown)")
            #expect(unknown.stderr.contains("--baseline 'nightly'"), "\(unknown)")
            #expect(unknown.stderr.contains("loadgen runs"), "\(unknown)")

            let runs = try await LoadGenProcess.run(["runs", "--db", database], in: directory.url)
            #expect(runs.exitCode == 0, "\(runs)")
            #expect(runs.stdout.contains("gate-e2e"), "\(runs)")
            let report = try await LoadGenProcess.run(["report", "latest", "--db", database, "-o", directory.path("r.html")], in: directory.url)
            #expect(report.exitCode == 0, "\(report)")
            #expect(FileManager.default.fileExists(atPath: directory.path("r.html")))
        }
    }
}

extension JSONDecoder {
    /// Reads `loadgen gate --json` files.
    static var gate: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
