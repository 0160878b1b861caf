import Foundation
import Testing

@testable import LoadGen

/// `recovery:`, the `backup`/`disaster`/`restore` actions and the `rto`/`rpo`/`rpo_writes` limits: the accepted
/// shape and the messages for mistakes.
struct RecoveryParsingTests {
    private static let bundledHead = """
        name: dr
        target: { bundled: { replicas: 2, backup_every: 5s } }
        requests: [ { name: detect, path: /v1/detect } ]
        phases: [ { name: steady, duration: 60s, arrival: { rate: 5/s } } ]

        """

    @Test func parsesTheDrill() throws {
        let scenario = try ScenarioInput.parse(
            Self.bundledHead + """
                recovery:
                  canary: { rate: 10/s }
                  probe: { every: 100ms, consecutive: 5 }
                actions:
                  - { at: 30s, do: disaster }
                  - { at: 35s, do: restore }
                sla:
                  - { rto: 20s, rpo: 10s, rpo_writes: 50 }
                """)
        #expect(scenario.recovery == RecoverySpec(canaryRate: 10, probeEvery: .milliseconds(100), consecutive: 5))
        #expect(scenario.sla == [SLARule(thresholds: [], rto: .seconds(20), rpo: .seconds(10), rpoWrites: 50)])
        guard case .bundled(let bundled) = scenario.target else { Issue.record("not bundled"); return }
        #expect(bundled.backupEvery == .seconds(5))
        #expect(scenario.scaled(by: 0.1).target == .bundled(BundledTarget(replicas: 2, backupEvery: .seconds(1))))
    }

    @Test func recoveryWithoutADisasterAndLimitsWithoutRecoveryAreErrors() {
        #expect(
            ScenarioInput.errors(
                Self.bundledHead + """
                    recovery: { canary: { rate: 5/s } }
                    """) == [
                    "scenario.yaml:5:11: recovery: measures recovery from a disaster, but actions has no 'do: disaster'; add one (e.g. { at: 30s, do: disaster })"
                ])
        #expect(
            ScenarioInput.errors(
                Self.bundledHead + """
                    sla: [ { rto: 20s } ]
                    """) == [
                    "scenario.yaml:5:6: sla: rto, rpo and rpo_writes are measured by the disaster-recovery drill; add a 'recovery:' block and a 'do: disaster' action"
                ])
    }

    @Test func urlTargetsNeedACommandAndATokenForTheCanary() {
        let errors = ScenarioInput.errors(
            """
            name: dr
            target: { url: "http://127.0.0.1:8080" }
            requests: [ { name: detect, path: /v1/detect } ]
            phases: [ { name: steady, duration: 60s, arrival: { rate: 5/s } } ]
            recovery: { canary: { rate: 5/s } }
            actions:
              - { at: 30s, do: disaster }
              - { at: 35s, do: restore, command: kubectl, args: [rollout, restart, deploy/detector] }
            """)
        #expect(
            errors == [
                "scenario.yaml:5:11: recovery: against a url target the canary is read back with GET /v1/feedback, which needs the admin token: add canary: { token_env: VARIABLE }",
                "scenario.yaml:7:5: actions[0]: disaster against a url target needs 'command' (and 'args'): the program that does it, e.g. kubectl or velero",
            ])
    }

    @Test func bundledStepsRefuseACommand() {
        let errors = ScenarioInput.errors(
            Self.bundledHead + """
                actions:
                  - { at: 30s, do: backup, command: /bin/true }
                """)
        #expect(
            errors == [
                "scenario.yaml:6:37: actions[0].command: backup on a bundled target is done by loadgen to its own replicas; remove 'command'"
            ])
    }

    @Test func backupEveryBelowOneSecondIsRefused() {
        let errors = ScenarioInput.errors(
            """
            name: dr
            target: { bundled: { backup_every: 500ms } }
            requests: [ { name: detect, path: /v1/detect } ]
            phases: [ { name: steady, duration: 60s, arrival: { rate: 5/s } } ]
            """)
        #expect(
            errors == [
                "scenario.yaml:2:36: target.bundled.backup_every: 500ms is shorter than the service's shortest backup interval, 1s"
            ])
    }
}
