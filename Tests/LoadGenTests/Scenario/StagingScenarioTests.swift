import Foundation
import Testing

@testable import LoadGen

/// The staging scenarios (scenarios/staging) are valid as shipped: validated exactly as `loadgen run` validates them
/// before sending anything — nothing is run, since staging is not reachable from here.
@Suite struct StagingScenarioTests {
    private static let directory = PackageLayout.scenariosDirectory.appendingPathComponent("staging")

    static let files = ["smoke.yaml", "rollback.yaml", "chaos.yaml"]

    @Test(arguments: files)
    func validWithTheStagingURLAndItsHostAllowed(file: String) throws {
        var options = RunOptions(scenarioPath: Self.directory.appendingPathComponent(file).path)
        options.environment = [
            "STAGING_URL": "https://staging.example.com", "NEW_MODEL_VERSION": "2", "CURRENT_MODEL_VERSION": "1",
        ]
        options.allowedHosts = ["staging.example.com"]
        #expect(ScenarioRunner.validationProblem(options) == nil)
        let scenario = try ScenarioLoader.load(file: URL(fileURLWithPath: options.scenarioPath), environment: options.environment)
        #expect(scenario.target == .url("https://staging.example.com"))
    }

    @Test(arguments: files)
    func aRemoteHostMustBeAllowed(file: String) {
        var options = RunOptions(scenarioPath: Self.directory.appendingPathComponent(file).path)
        options.environment = [
            "STAGING_URL": "https://staging.example.com", "NEW_MODEL_VERSION": "2", "CURRENT_MODEL_VERSION": "1",
        ]
        #expect(ScenarioRunner.validationProblem(options)?.contains("staging.example.com") == true)
    }

    @Test func withoutStagingURLTheScenarioSaysWhatIsMissing() {
        var options = RunOptions(scenarioPath: Self.directory.appendingPathComponent("smoke.yaml").path)
        options.environment = [:]
        #expect(ScenarioRunner.validationProblem(options)?.contains("STAGING_URL") == true)
    }
}
