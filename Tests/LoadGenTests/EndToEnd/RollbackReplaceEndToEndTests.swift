import Foundation
import Reports
import Testing

extension ScenarioRuns {
    /// scenarios/rollback-replace.yaml in its short form (`--duration-scale 0.1`): the model is replaced, rolled back
    /// and every replica restarted under load with no failed request, no failed check and consistent versions; every
    /// action is stored as an event and the per-second rows count responses per model version.
    @Suite struct RollbackReplaceEndToEndTests {
        @Test func shortFormPassesAndStoresTheActions() async throws {
            let directory = try TemporaryDirectory()
            let database = directory.path("results.sqlite")
            let scenario = PackageLayout.scenariosDirectory.appendingPathComponent("rollback-replace.yaml")
            let outcome = try await LoadGenProcess.run(
                ["run", scenario.path, "--duration-scale", "0.1", "--quiet", "--db", database], in: directory.url,
                within: .seconds(120))
            #expect(outcome.exitCode == 0, "\(outcome)")

            let store = try ResultsStore.open(path: database)
            let runID = try #require(try store.runs(limit: 1).first?.id)
            let actions = try store.events(runID: runID).filter { $0.kind == "action" }
            #expect(actions.map(\.name) == ["model.upload", "model.activate", "model.rollback", "replica.restart"])
            #expect(actions.allSatisfy { $0.outcome == "ok" })
            #expect(actions[1].detail["version"] == "2")
            #expect(actions[1].detail["first_new_version_after_ms"].flatMap(Double.init) != nil)
            #expect(actions[2].detail["version"] == "1")
            let versions = try store.seconds(runID: runID).reduce(into: Set<String>()) { $0.formUnion($1.modelVersions.keys) }
            #expect(versions == ["1", "2"])
            print(outcome.stdout)
        }
    }
}
