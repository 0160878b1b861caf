import Foundation
import Testing

@testable import LoadGen

/// What a segment other than 0 keeps of a scenario: the load and the rules it can judge; the acting is segment 0's.
@Suite struct ScenarioSegmentTests {
    private func shipped(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(file: PackageLayout.scenariosDirectory.appendingPathComponent(name), environment: [:])
    }

    @Test func segmentZeroKeepsEverything() throws {
        let scenario = try shipped("fault-latency.yaml")
        #expect(scenario.segment(try ExecutionSegment(index: 0, count: 3)) == scenario)
    }

    @Test func otherSegmentsDropActionsFaultsProbesAndTheRecoveryDrill() throws {
        let part = try ExecutionSegment(index: 2, count: 3)
        let chaos = try shipped("fault-latency.yaml")
        let chaosPart = chaos.segment(part)
        #expect(chaosPart.chaos == nil)
        #expect(chaosPart.phases == chaos.phases)
        #expect(chaosPart.requests == chaos.requests)
        // The steady-state rule is the acting segment's to judge; the latency and error thresholds stay.
        #expect(chaosPart.sla.allSatisfy { !$0.steadyState && $0.recovery == nil && !$0.thresholds.isEmpty })
        #expect(!chaosPart.sla.isEmpty)

        let drill = try shipped("disaster-recovery.yaml").segment(part)
        #expect(drill.recovery == nil && drill.actions.isEmpty)
        #expect(drill.sla.allSatisfy { $0.rto == nil && $0.rpo == nil && $0.rpoWrites == nil })

        #expect(try shipped("rollback-replace.yaml").segment(part).actions.isEmpty)
    }

    @Test func aBundledTargetNeedsTheURLOfSegmentZerosService() throws {
        var options = RunOptions(scenarioPath: PackageLayout.scenariosDirectory.appendingPathComponent("baseline.yaml").path)
        options.environment = [:]
        options.segment = try ExecutionSegment(index: 1, count: 2)
        let problem = ScenarioRunner.validationProblem(options)
        #expect(problem?.contains("segment 1/2 does not start the bundled target") == true)
        #expect(problem?.contains("--target") == true)
        options.target = "http://127.0.0.1:8080"
        #expect(ScenarioRunner.validationProblem(options) == nil)
    }
}
