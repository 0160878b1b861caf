import Foundation
import Testing

@testable import LoadGen

/// `actions:` entries: the accepted shape and the exact messages for mistakes.
struct ActionParsingTests {
    private static let head = """
        name: swap
        target: { bundled: { replicas: 2 } }
        requests: [ { name: detect, path: /v1/detect } ]
        phases: [ { name: steady, duration: 60s, arrival: { rate: 5/s } } ]

        """

    @Test func parsesEveryKind() throws {
        let scenario = try ScenarioInput.parse(
            Self.head + """
                actions:
                  - { at: 10s, do: model.upload, model: face, cascade: /dev/null, parameters: { min_neighbors: 4 } }
                  - { at: 10s, do: model.activate, model: face, version: uploaded }
                  - { at: 20s, do: model.rollback, model: face, continue_on_failure: true }
                  - { at: 30s, do: replica.restart, rolling: true }
                  - { at: 32s, do: backup }
                  - { at: 34s, do: disaster }
                  - { at: 36s, do: restore, timeout: 90s }
                  - { at: 40s, do: http, method: POST, url: "http://127.0.0.1:9/hook", body: hi, expect: { status: 204 }, timeout: 2s }
                  - { at: 50s, do: exec, command: /bin/true, args: [a, b], expect: { exit_code: 0 } }
                """)
        #expect(scenario.actions.map(\.action.name) == ActionKind.names)
        #expect(scenario.actions.map(\.at) == [10, 10, 20, 30, 32, 34, 36, 40, 50].map { .seconds($0) })
        #expect(scenario.actions[2].continueOnFailure)
        guard case .modelUpload(let upload) = scenario.actions[0].action else { Issue.record("not an upload"); return }
        #expect(upload.parameters.map(\.name) == ["min_neighbors"])
        #expect(scenario.actions[3].action == .replicaRestart(ReplicaRestartSpec(rolling: true)))
        #expect(scenario.actions[4].action == .backup(RecoveryStepSpec()))
        #expect(scenario.actions[6].action == .restore(RecoveryStepSpec(timeout: .seconds(90))))
        guard case .http(let call) = scenario.actions[7].action else { Issue.record("not http"); return }
        #expect(call.expect.accepts(204) && !call.expect.accepts(200))
        #expect(scenario.actions[8].action == .exec(ExecSpec(command: "/bin/true", arguments: ["a", "b"])))
    }

    @Test func unknownKindIsLocatedWithSuggestion() {
        let errors = ScenarioInput.errors(
            Self.head + """
                actions:
                  - { at: 10s, do: model.uplaod, model: face }
                """)
        #expect(
            errors == [
                "scenario.yaml:6:20: actions[0].do: unknown action 'model.uplaod'; expected one of model.upload, model.activate, model.rollback, replica.restart, backup, disaster, restore, http, exec; did you mean 'model.upload'?"
            ])
    }

    @Test func keyOfAnotherKindIsUnknown() {
        let errors = ScenarioInput.errors(
            Self.head + """
                actions:
                  - { at: 10s, do: model.rollback, model: face, rolling: true }
                """)
        #expect(errors == ["scenario.yaml:6:49: unknown key 'rolling' in actions[0]"])
    }

    @Test func atBeyondTheRunIsAnError() {
        let errors = ScenarioInput.errors(
            Self.head + """
                actions:
                  - { at: 60s, do: model.rollback, model: face }
                """)
        #expect(
            errors == [
                "scenario.yaml:6:11: actions[0].at: 60s is not before the end of the run (60s, the phases' total); move the action earlier or lengthen a phase"
            ])
    }

    @Test func bundledOnlyActionsAgainstURLTargetAreNamed() {
        let errors = ScenarioInput.errors(
            """
            name: swap
            target: { url: "http://127.0.0.1:8080" }
            requests: [ { name: detect, path: /v1/detect } ]
            phases: [ { name: steady, duration: 60s, arrival: { rate: 5/s } } ]
            actions:
              - { at: 10s, do: replica.restart }
              - { at: 20s, do: model.rollback, model: face }
            """)
        #expect(
            errors == [
                "scenario.yaml:6:5: actions[0]: replica.restart needs a bundled target (loadgen restarts the replicas it started); against a url target use an exec action",
                "scenario.yaml:7:5: actions[1]: model.rollback against a url target needs 'admin_url' (the service's admin base URL) and 'token_env' (the environment variable holding its admin token)",
            ])
    }

    @Test func tokenEnvMustNameASetVariable() throws {
        let yaml = """
            name: swap
            target: { url: "http://127.0.0.1:8080" }
            requests: [ { name: detect, path: /v1/detect } ]
            phases: [ { name: steady, duration: 60s, arrival: { rate: 5/s } } ]
            actions:
              - { at: 10s, do: model.rollback, model: face, admin_url: "http://127.0.0.1:8080", token_env: ADMIN_TOKEN }
            """
        #expect(
            ScenarioInput.errors(yaml) == [
                "scenario.yaml:6:96: actions[0].token_env: environment variable 'ADMIN_TOKEN' is not set; export ADMIN_TOKEN with the admin token before running"
            ])
        let scenario = try ScenarioInput.parse(yaml, environment: ["ADMIN_TOKEN": "secret"])
        #expect(
            scenario.actions[0].action
                == .modelRollback(
                    ModelRollbackSpec(
                        model: "face", admin: AdminEndpoint(url: "http://127.0.0.1:8080", tokenEnvironmentVariable: "ADMIN_TOKEN")
                    )))
    }

    @Test func activateUploadedNeedsAnEarlierUpload() {
        let errors = ScenarioInput.errors(
            Self.head + """
                actions:
                  - { at: 10s, do: model.activate, model: face, version: uploaded }
                """)
        #expect(
            errors == [
                "scenario.yaml:6:58: actions[0].version: 'uploaded' needs an earlier model.upload of model 'face' in actions; add one or give a version number"
            ])
    }

    @Test func durationScaleMovesActions() throws {
        let scenario = try ScenarioInput.parse(
            Self.head + """
                actions:
                  - { at: 30s, do: exec, command: /bin/true, timeout: 5s }
                """
        ).scaled(by: 0.1)
        #expect(scenario.actions[0].at == .seconds(3))
        #expect(scenario.actions[0].action == .exec(ExecSpec(command: "/bin/true", timeout: .seconds(5))))
    }
}
