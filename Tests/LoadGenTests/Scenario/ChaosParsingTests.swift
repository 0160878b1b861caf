import Chaos
import Foundation
import Testing

@testable import LoadGen

/// `chaos:` in both shapes (a list of steps, or settings with `faults:`), and the messages for mistakes: every
/// fault is built once while parsing, so a misspelt fault or parameter is reported before anything runs.
struct ChaosParsingTests {
    private static let head = """
        name: chaos
        target: { bundled: { replicas: 2 } }
        requests: [ { name: detect, path: /v1/detect } ]
        phases: [ { name: steady, duration: 60s, arrival: { rate: 5/s } } ]

        """

    @Test func aListOfStepsTakesTheDefaults() throws {
        let scenario = try ScenarioInput.parse(
            Self.head + """
                chaos:
                  - { at: 10s, for: 5s, fault: { latency: { latency: 200, jitter: 50 } } }
                  - { at: 30s, for: 5s, target: replica-2, fault: kill }
                """)
        let chaos = try #require(scenario.chaos)
        #expect(chaos.steps.map(\.fault) == ["latency", "kill"])
        #expect(chaos.steps[0].parameters.values == ["latency": "200", "jitter": "50"])
        #expect(chaos.steps[1].target == "replica-2")
        #expect(chaos.steps[0].requirements == [.proxy] && chaos.steps[1].requirements == [.bundledReplicas])
        #expect(chaos.maxConcurrentFaults == 3 && chaos.recoverySeconds == 5 && chaos.supervisor && chaos.proxy == .auto)
    }

    @Test func settingsAndSteadyStateProbes() throws {
        let scenario = try ScenarioInput.parse(
            Self.head + """
                chaos:
                  max_concurrent_faults: 1
                  recovery_seconds: 3
                  abort: { error_rate: 90%, for: 10s }
                  supervisor: false
                  steady_state:
                    every: 1s
                    probes:
                      - { name: ready, do: http, url: /readyz, expect: { status: 200, max_time: 500ms } }
                      - { name: pods, do: exec, command: /bin/true, expect: { exit_code: 0, output_contains: Running } }
                  faults:
                    - { at: 10s, for: 5s, fault: { http_abort: { status: 503, percentage: 20 } } }
                sla:
                  - { phase: steady, recovery: 10s, steady_state: true }
                """)
        let chaos = try #require(scenario.chaos)
        #expect(chaos.maxConcurrentFaults == 1 && chaos.recoverySeconds == 3 && !chaos.supervisor)
        #expect(chaos.abort == ChaosAbortCondition(errorRate: 0.9, duration: .seconds(10)))
        let probes = try #require(chaos.steadyState?.probes)
        #expect(probes.map(\.name) == ["ready", "pods"])
        #expect(
            probes[0].kind
                == .http(HTTPCallSpec(url: "/readyz", expect: StatusExpectation(codes: [200])), maxTime: .milliseconds(500)))
        #expect(probes[1].kind == .exec(ExecSpec(command: "/bin/true"), outputContains: "Running"))
        #expect(scenario.sla == [SLARule(phase: "steady", thresholds: [], recovery: .seconds(10), steadyState: true)])
        // The short form keeps the faults in place and shortens the recovery window with them.
        let short = scenario.scaled(by: 0.5)
        #expect(short.chaos?.steps[0].at == .seconds(5) && short.chaos?.steps[0].duration == .milliseconds(2500))
        #expect(short.chaos?.recoverySeconds == 2 && short.chaos?.abort?.duration == .seconds(10))
    }

    @Test func unknownFaultsAndBadParametersAreLocated() {
        let errors = ScenarioInput.errors(
            Self.head + """
                chaos:
                  - { at: 10s, for: 5s, fault: { latncy: { latency: 200 } } }
                  - { at: 20s, for: 5s, fault: { latency: { latency: fast } } }
                  - { at: 30s, for: 5s, fault: { latency: { latency: 200, jiter: 5 } } }
                """)
        #expect(errors.count == 3)
        #expect(
            errors[0].hasPrefix("scenario.yaml:6:42: chaos[0].fault.latncy: unknown fault 'latncy'; expected one of bandwidth, ")
                && errors[0].hasSuffix("did you mean 'latency'?"))
        #expect(errors[1] == "scenario.yaml:7:43: chaos[1].fault.latency.latency: 'fast' is not a whole number")
        #expect(
            errors[2]
                == "scenario.yaml:8:43: chaos[2].fault.latency: unknown parameter 'jiter'; expected one of jitter, latency, stream, toxicity"
        )
    }

    @Test func faultsThatCannotWorkHereAreRefusedBeforeTheRun() {
        let errors = ScenarioInput.errors(
            """
            name: chaos
            target: { url: "http://127.0.0.1:8080" }
            requests: [ { name: detect, path: /v1/detect } ]
            phases: [ { name: steady, duration: 60s, arrival: { rate: 5/s } } ]
            chaos:
              proxy: never
              faults:
                - { at: 10s, for: 5s, fault: kill }
                - { at: 20s, for: 5s, fault: { latency: { latency: 100 } } }
            """)
        #expect(
            errors == [
                "scenario.yaml:6:3: chaos: chaos step 0 (kill) acts on bundled replicas; against a url target use an exec action or a network fault through the proxy",
                "scenario.yaml:6:3: chaos: 'latency' is injected by the fault proxy, but proxy is 'never'; set proxy: auto",
            ])
    }

    @Test func chaosLimitsNeedAChaosBlock() {
        let errors = ScenarioInput.errors(
            Self.head + """
                sla: [ { recovery: 10s } ]
                """)
        #expect(
            errors == [
                "scenario.yaml:5:6: sla: recovery and steady_state are judged by the chaos experiment; add a 'chaos:' block (and steady_state probes for steady_state)"
            ])
    }
}
