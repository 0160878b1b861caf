import Foundation
import LoadGen
import Reports
import Testing

extension ScenarioRuns {
    /// Every scenario shipped in scenarios/ (but those with a test of their own) is valid and runnable end to end: its short form (`--duration-scale
    /// 0.05`) starts its bundled replicas, sends load in every phase and stores the run.
    ///
    /// Only validity and runnability are asserted (exit 0 or 1, never 2 or 3). At 5 % of their length the SLA-bearing
    /// scenarios judge a handful of requests, and on a busy shared machine a short form may legitimately breach a
    /// latency limit; holding the SLAs is what the full-length runs are for.
    @Suite struct ScenarioShortFormTests {
        @Test(arguments: PackageLayout.sweptScenarios())
        func shortFormRunsAndCompletesRequestsInEveryPhase(scenario: URL) async throws {
            let directory = try TemporaryDirectory()
            let json = directory.path("summary.json")
            let phaseNames = try ScenarioLoader.load(file: scenario).phases.map(\.name)

            let outcome = try await LoadGenProcess.run(
                [
                    "run", scenario.path, "--duration-scale", "0.05", "--quiet", "--db", directory.path("results.sqlite"),
                    "--json", json,
                ],
                in: directory.url, within: .seconds(60))

            #expect(outcome.exitCode == 0 || outcome.exitCode == 1, "\(outcome)")
            let summary = try JSONSummary.read(json)
            #expect(summary.phases.map(\.name) == phaseNames)
            for phase in phaseNames {
                let completed = summary.requests.filter { $0.phase == phase && $0.request != "*" }.map(\.completed).reduce(0, +)
                #expect(completed >= 1, "phase \(phase) of \(scenario.lastPathComponent) completed no request")
            }
        }
    }
}
