import Foundation
import Reports
import Testing
#if canImport(FoundationXML)
    import FoundationXML
#endif

extension ScenarioRuns {
    /// `loadgen gate` and `loadgen ab` on real runs: runs against the same fixed-delay server pass, runs against a
    /// 30 % slower build of it (every `/stall` delay × 1.3, same paths) fail; a history of baseline runs, an
    /// interleaved session, and runs of different load (refused, exit 2). The test server adds the delay with a
    /// scheduled task, so concurrent requests do not queue.
    @Suite struct GateEndToEndTests {
        /// An open-model scenario of `seconds` seconds against `/stall?ms=delay`: enough seconds for the bootstrap.
        private static func scenario(url: String, delayMs: Int = 100, seconds: Int = 6, rate: Int = 50) -> String {
            """
            name: gate-e2e
            target: { url: "\(url)" }
            requests:
              - { name: stall, method: GET, path: "/stall?ms=\(delayMs)", expect: { status: 200 } }
            phases:
              - { name: steady, duration: \(seconds)s, arrival: { rate: \(rate)/s } }
            sla:
              - { phase: steady, error_rate: 1% }
            """
        }

        @Test func sameBuildPassesAndThirtyPercentSlowerFailsAgainstOneRunAndAHistory() async throws {
            let directory = try TemporaryDirectory()
            let server = try await TestHTTPServer.start()
            let slowServer = try await TestHTTPServer.start(stallFactor: 1.3)
            defer {
                Task {
                    await server.stop(); await slowServer.stop()
                }
            }
            let database = directory.path("results.sqlite")
            // The runs go at the same time, so whatever else the machine is doing (the rest of the test suite runs
            // detections in parallel) slows all of them alike: they differ only in what the test sets. Run one after
            // another, a busy second for one run alone shifted its p50 by 18 %.
            var files = try (1...3).map { try directory.write("history\($0).yaml", Self.scenario(url: server.baseURL)) }
            files.append(try directory.write("again.yaml", Self.scenario(url: server.baseURL)))
            files.append(try directory.write("slowed.yaml", Self.scenario(url: slowServer.baseURL)))
            for n in 2...3 { files.append(try directory.write("slowed\(n).yaml", Self.scenario(url: slowServer.baseURL))) }
            files.append(try directory.write("faster-rate.yaml", Self.scenario(url: server.baseURL, rate: 60)))
            let runs = try files.map { file in
                try LoadGenProcess.launch(["run", file, "--quiet", "--db", database], in: directory.url)
            }
            for run in runs {
                let outcome = try await run.waitForExit(within: .seconds(60))
                #expect(outcome.exitCode == 0, "\(outcome)")
            }
            // Which id each run got depends on which process began first.
            let store = try ResultsStore.open(path: database)
            let ids = Dictionary(
                uniqueKeysWithValues: try store.runs(limit: 10).map {
                    (URL(fileURLWithPath: $0.scenarioFile).lastPathComponent, $0.id ?? 0)
                })
            let history = try (1...3).map { try #require(ids["history\($0).yaml"]) }
            let (againID, slowedID, rateID) = (
                try #require(ids["again.yaml"]), try #require(ids["slowed.yaml"]), try #require(ids["faster-rate.yaml"])
            )

            let tagged = try await LoadGenProcess.run(["tag", "\(history[0])", "good", "--db", database], in: directory.url)
            #expect(tagged.exitCode == 0, "\(tagged)")
            let same = try await LoadGenProcess.run(
                [
                    "gate", "--baseline", "good", "--candidate", "\(againID)", "--db", database, "--json",
                    directory.path("same.json"),
                ],
                in: directory.url)
            #expect(same.exitCode == 0, "\(same)")
            #expect(same.stdout.contains("PASSED"), "\(same)")
            #expect(same.stdout.contains("Between-run noise is unknown"), "\(same)")

            let junit = directory.path("gate.xml")
            let slow = try await LoadGenProcess.run(
                [
                    "gate", "--baseline", "good", "--candidate", "\(slowedID)", "--db", database, "--max-regression", "10%",
                    "--junit", junit,
                    "--json", directory.path("slow.json"),
                ],
                in: directory.url)
            #expect(slow.exitCode == 1, "\(slow)")
            #expect(slow.stdout.contains("REGRESSED"), "\(slow)")
            let report = try JSONDecoder.gate.decode(
                GateReport.self, from: Data(contentsOf: URL(fileURLWithPath: directory.path("slow.json"))))
            #expect(report.candidate.id == slowedID && report.method == .bootstrap)
            #expect(report.regressions.contains { $0.metric == .p50 }, "\(report.results)")
            let document = try XMLDocument(contentsOf: URL(fileURLWithPath: junit))
            // p50, p90, p95, p99, the p99 of all attempts, the error rate and the check rate.
            #expect(document.rootElement()?.attribute(forName: "tests")?.stringValue == "7")

            // A history: three runs of the baseline build added to one tag.
            for id in history.dropFirst() {
                let added = try await LoadGenProcess.run(["tag", "\(id)", "good", "--add", "--db", database], in: directory.url)
                #expect(added.exitCode == 0 && added.stdout.contains("in the set"), "\(added)")
            }
            let historySame = try await LoadGenProcess.run(
                [
                    "gate", "--baseline", "good", "--candidate", "\(againID)", "--db", database, "--json",
                    directory.path("history.json"),
                ],
                in: directory.url)
            #expect(historySame.exitCode == 0, "\(historySame)")
            #expect(historySame.stdout.contains("against 3 baseline runs"), "\(historySame)")
            let historyReport = try JSONDecoder.gate.decode(
                GateReport.self, from: Data(contentsOf: URL(fileURLWithPath: directory.path("history.json"))))
            #expect(historyReport.method == .history && historyReport.baselineRuns.map(\.id) == history)
            let historySlow = try await LoadGenProcess.run(
                ["gate", "--baseline", "good", "--candidate", "\(slowedID)", "--db", database], in: directory.url)
            #expect(historySlow.exitCode == 1, "\(historySlow)")
            #expect(historySlow.stdout.contains("REGRESSED"), "\(historySlow)")

            // Three candidate runs judged together: their mean against the history.
            let slowedIDs = try [slowedID] + (2...3).map { try #require(ids["slowed\($0).yaml"]) }
            for id in slowedIDs {
                let added = try await LoadGenProcess.run(
                    ["tag", "\(id)", "slow-set", "--add", "--db", database], in: directory.url)
                #expect(added.exitCode == 0, "\(added)")
            }
            let setSlow = try await LoadGenProcess.run(
                [
                    "gate", "--baseline", "good", "--candidate", "slow-set", "--candidate-runs", "3", "--db", database,
                    "--json", directory.path("set.json"),
                ],
                in: directory.url)
            #expect(setSlow.exitCode == 1, "\(setSlow)")
            #expect(setSlow.stdout.contains("the mean of 3 candidate runs"), "\(setSlow)")
            let setReport = try JSONDecoder.gate.decode(
                GateReport.self, from: Data(contentsOf: URL(fileURLWithPath: directory.path("set.json"))))
            #expect(setReport.method == .history && Set(setReport.candidateRuns.map(\.id)) == Set(slowedIDs))
            #expect(setReport.regressions.contains { $0.metric == .p50 }, "\(setReport.results)")
            let tooMany = try await LoadGenProcess.run(
                ["gate", "--baseline", "good", "--candidate", "slow-set", "--candidate-runs", "4", "--db", database],
                in: directory.url)
            #expect(tooMany.exitCode == 2, "\(tooMany)")
            #expect(tooMany.stderr.contains("names 3 run(s)") && tooMany.stderr.contains("--candidate-runs"), "\(tooMany)")

            // Like with like: a run at another rate is refused, naming the phase that differs.
            let unlike = try await LoadGenProcess.run(
                ["gate", "--baseline", "good", "--candidate", "\(rateID)", "--db", database], in: directory.url)
            #expect(unlike.exitCode == 2, "\(unlike)")
            #expect(
                unlike.stderr.contains("steady: 6000 ms, constant 60/s") && unlike.stderr.contains("--allow-different"),
                "\(unlike)")
            let allowed = try await LoadGenProcess.run(
                ["gate", "--baseline", "good", "--candidate", "\(rateID)", "--allow-different", "--db", database],
                in: directory.url)
            #expect(allowed.exitCode != 2, "\(allowed)")
            #expect(allowed.stdout.contains("different load"), "\(allowed)")
        }

        @Test func anInterleavedSessionPassesTheSameBuildAndFailsASlowerOne() async throws {
            let directory = try TemporaryDirectory()
            let server = try await TestHTTPServer.start()
            let slowServer = try await TestHTTPServer.start(stallFactor: 1.3)
            defer {
                Task {
                    await server.stop(); await slowServer.stop()
                }
            }
            let database = directory.path("results.sqlite")
            let file = try directory.write("ab.yaml", Self.scenario(url: server.baseURL, seconds: 4, rate: 60))
            let same = try await LoadGenProcess.run(
                [
                    "ab", file, "--baseline", server.baseURL, "--candidate", server.baseURL, "--rounds", "4", "--tag", "same",
                    "--db", database,
                ],
                in: directory.url)
            #expect(same.exitCode == 0, "\(same)")
            #expect(same.stdout.contains("4 interleaved rounds") && same.stdout.contains("PASSED"), "\(same)")
            #expect(same.stdout.contains("round 2/4 candidate: run"), "\(same)")

            let slow = try await LoadGenProcess.run(
                [
                    "ab", file, "--baseline", server.baseURL, "--candidate", slowServer.baseURL, "--rounds", "4", "--tag", "slow",
                    "--db", database, "--json", directory.path("ab.json"),
                ],
                in: directory.url)
            #expect(slow.exitCode == 1, "\(slow)")
            let report = try JSONDecoder.gate.decode(
                GateReport.self, from: Data(contentsOf: URL(fileURLWithPath: directory.path("ab.json"))))
            #expect(report.method == .interleaved && report.baselineRuns.count == 4 && report.candidateRuns.count == 4)
            let p50 = try #require(report.results.first { $0.metric == .p50 })
            #expect(p50.verdict == .regressed && abs(p50.change - 1.3) < 0.1, "\(p50)")
            // Every slice is a stored run under the session's tags, A B then B A.
            let store = try ResultsStore.open(path: database)
            let baselineRuns = try store.runIDs(forTag: "slow-baseline", limit: 10)
            let candidateRuns = try store.runIDs(forTag: "slow-candidate", limit: 10)
            #expect(baselineRuns == report.baselineRuns.map(\.id) && candidateRuns == report.candidateRuns.map(\.id))
            #expect(baselineRuns[0] < candidateRuns[0] && candidateRuns[1] < baselineRuns[1])
            #expect(try store.run(id: baselineRuns[0])?.target == server.baseURL)
            #expect(try store.run(id: candidateRuns[0])?.target == slowServer.baseURL)

            let notAService = try await LoadGenProcess.run(
                ["ab", file, "--baseline", directory.path("missing-binary"), "--candidate", server.baseURL, "--db", database],
                in: directory.url)
            #expect(notAService.exitCode == 2 && notAService.stderr.contains("neither a URL"), "\(notAService)")
            // A build to start only makes sense for a scenario whose target is bundled.
            let buildForAURL = try await LoadGenProcess.run(
                ["ab", file, "--baseline", "/bin/true", "--candidate", server.baseURL, "--db", database], in: directory.url)
            #expect(buildForAURL.exitCode == 2 && buildForAURL.stderr.contains("not a bundled target"), "\(buildForAURL)")
            let twoRounds = try await LoadGenProcess.run(
                ["ab", file, "--baseline", server.baseURL, "--candidate", server.baseURL, "--rounds", "2"], in: directory.url)
            #expect(twoRounds.exitCode == 2 && twoRounds.stderr.contains("--rounds"), "\(twoRounds)")
            let badTag = try await LoadGenProcess.run(
                ["ab", file, "--baseline", server.baseURL, "--candidate", server.baseURL, "--tag", "7up", "--db", database],
                in: directory.url)
            #expect(badTag.exitCode == 2 && badTag.stderr.contains("--tag '7up'"), "\(badTag)")
        }

        /// Ctrl-C or SIGTERM must end an `ab` session in any slice, not only the first: each slice's run watches
        /// for signals on its own, and the session between them. The signal arrives in round 2, when three slices
        /// have run; the session stops with 130 instead of running the remaining slices (about 10 s).
        @Test func aSignalInALaterSliceEndsTheSession() async throws {
            let directory = try TemporaryDirectory()
            let server = try await TestHTTPServer.start()
            defer { Task { await server.stop() } }
            let database = directory.path("results.sqlite")
            // 8 s over 4 rounds: 2 s slices.
            let file = try directory.write("ab.yaml", Self.scenario(url: server.baseURL, delayMs: 10, seconds: 8, rate: 20))
            let loadgen = try LoadGenProcess.launch(
                ["ab", file, "--baseline", server.baseURL, "--candidate", server.baseURL, "--rounds", "4", "--db", database],
                in: directory.url)
            let outcome = try await loadgen.killingOnFailure {
                try await waitUntil("the third slice to be stored", within: .seconds(30)) {
                    loadgen.outcome().stdout.contains("round 2/4 candidate: run")
                }
                try await Task.sleep(for: .milliseconds(500))
                loadgen.send(SIGTERM)
                return try await loadgen.waitForExit(within: .seconds(30))
            }
            #expect(outcome.exitCode == 130, "\(outcome)")
            #expect(outcome.elapsed < .seconds(20), "\(outcome)")
            #expect(!outcome.stdout.contains("round 4/4"), "\(outcome)")
        }

        @Test func unknownTagBadPercentageAndMissingDatabaseExitTwo() async throws {
            let directory = try TemporaryDirectory()
            let missing = directory.path("nothing.sqlite")
            let noDatabase = try await LoadGenProcess.run(["gate", "--baseline", "good", "--db", missing], in: directory.url)
            #expect(noDatabase.exitCode == 2, "\(noDatabase)")
            #expect(noDatabase.stderr.contains("does not exist"), "\(noDatabase)")
            #expect(!FileManager.default.fileExists(atPath: missing))

            let badMargin = try await LoadGenProcess.run(
                ["gate", "--baseline", "1", "--max-regression", "ten", "--db", missing], in: directory.url)
            #expect(badMargin.exitCode == 2, "\(badMargin)")
            #expect(badMargin.stderr.contains("--max-regression"), "\(badMargin)")

            let server = try await TestHTTPServer.start()
            defer { Task { await server.stop() } }
            let database = directory.path("results.sqlite")
            let file = try directory.write("short.yaml", Self.scenario(url: server.baseURL, delayMs: 1, seconds: 1))
            let run = try await LoadGenProcess.run(["run", file, "--quiet", "--db", database], in: directory.url)
            #expect(run.exitCode == 0, "\(run)")
            let unknown = try await LoadGenProcess.run(["gate", "--baseline", "nightly", "--db", database], in: directory.url)
            #expect(unknown.exitCode == 2, "\(unknown)")
            #expect(unknown.stderr.contains("--baseline 'nightly'"), "\(unknown)")
            #expect(unknown.stderr.contains("loadgen runs"), "\(unknown)")

            let runs = try await LoadGenProcess.run(["runs", "--db", database], in: directory.url)
            #expect(runs.exitCode == 0, "\(runs)")
            #expect(runs.stdout.contains("gate-e2e"), "\(runs)")
            let report = try await LoadGenProcess.run(
                ["report", "latest", "--db", database, "-o", directory.path("r.html")], in: directory.url)
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
