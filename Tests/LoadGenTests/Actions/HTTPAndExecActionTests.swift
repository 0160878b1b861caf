import Foundation
import NIOCore
import Testing

@testable import LoadGen

/// `http` and `exec` actions against a real local server and real processes, through the executor.
struct HTTPAndExecActionTests {
    private func context() -> ActionContext {
        ActionContext(
            replicas: nil, environment: [:], workingDirectory: FileManager.default.temporaryDirectory,
            runStart: NIODeadline.now().uptimeNanoseconds)
    }

    private func run(_ kinds: [ActionKind]) async throws -> [ActionResult] {
        let executor = ActionExecutor(actions: kinds.map { ActionSpec(at: .zero, action: $0) }, context: context())
        return try await withTimeLimit(.seconds(30)) { await executor.run() }
    }

    @Test func httpSucceedsOnTheExpectedStatusAndFailsOtherwise() async throws {
        try await TestHTTPServer.with { server in
            let results = try await run([
                .http(HTTPCallSpec(url: server.baseURL + "/ok", timeout: .seconds(5))),
                .http(HTTPCallSpec(url: server.baseURL + "/status/503", timeout: .seconds(5))),
            ])
            #expect(results.map(\.succeeded) == [true, false])
            #expect(results[0].event.kind == "action" && results[0].event.name == "http" && results[0].event.outcome == "ok")
            #expect(results[1].detail["status"] == "503")
            #expect(results[1].failure?.contains("answered HTTP 503") == true)
            #expect(results[1].event.outcome == "failed")
        }
    }

    @Test func execChecksTheExitCodeAndKeepsTheOutputTail() async throws {
        let results = try await run([
            .exec(ExecSpec(command: "/bin/sh", arguments: ["-c", "echo one; echo two"])),
            .exec(ExecSpec(command: "/bin/sh", arguments: ["-c", "echo bad >&2; exit 3"])),
            .exec(ExecSpec(command: "sh", arguments: ["-c", "exit 3"], expectExitCode: 3)),
        ])
        #expect(results.map(\.succeeded) == [true, false, true])
        #expect(results[0].detail["output_tail"] == "one\ntwo")
        #expect(results[1].detail["exit_code"] == "3")
        #expect(results[1].detail["output_tail"] == "bad")
        #expect(results[1].failure == "/bin/sh exited with 3, expected 0")
    }

    /// `switches_to`: a command that switches the model (e.g. `kubectl set image`) is a switch window that version
    /// consistency reads like `model.activate`'s.
    @Test func anExecThatSwitchesTheModelRecordsItsWindow() async throws {
        var spec = ExecSpec(command: "/bin/sh", arguments: ["-c", "sleep 0.2"])
        spec.switchesTo = "2"
        let results = try await run([.exec(spec)])
        let started = try #require(results[0].detail["switch_started_ms"].flatMap(Int64.init))
        let answered = try #require(results[0].detail["switch_answered_ms"].flatMap(Int64.init))
        #expect(answered - started >= 200)
        #expect(results[0].detail["version"] == "2")
        let switches = ScenarioRunner.switches(results)
        #expect(switches.map(\.version) == ["2"])
    }

    @Test func switchesToIsReadFromTheScenarioWithVariables() throws {
        let scenario = try ScenarioInput.parse(
            """
            name: switch
            target: { url: "http://127.0.0.1:8080" }
            requests:
              - { name: r, method: GET, path: / }
            phases:
              - { name: p, duration: 10s, arrival: { rate: 1/s } }
            actions:
              - { at: 1s, do: exec, command: "true", switches_to: "${NEW_VERSION}" }
            """, environment: ["NEW_VERSION": "3"])
        guard case .exec(let spec) = scenario.actions.first?.action else {
            Issue.record("expected an exec action")
            return
        }
        #expect(spec.switchesTo == "3")
    }

    @Test func execIsTerminatedAtItsTimeout() async throws {
        let results = try await run([.exec(ExecSpec(command: "/bin/sleep", arguments: ["30"], timeout: .milliseconds(200)))])
        #expect(results[0].failure == "/bin/sleep did not finish within 0.2 seconds and was stopped")
    }
}
