import Testing

@testable import LoadGen

/// Missing keys, contradictory keys and references to names that do not exist.
@Suite struct StructureErrorTests {
    @Test func missingRequiredKey() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests:
              - name: detect
                method: POST
            phases: [ { name: steady, duration: 10s, arrival: { rate: 5/s } } ]
            """)
        #expect(errors == ["scenario.yaml:4:5: missing required key 'path' in requests[0]"])
    }

    @Test func missingTopLevelKeys() {
        let errors = ScenarioInput.errors("name: x\ntarget: { bundled: {} }\n")
        #expect(
            errors == [
                "scenario.yaml:1:1: missing required key 'requests' at the top level",
                "scenario.yaml:1:1: missing required key 'phases' at the top level",
            ])
    }

    @Test func phaseWithBothArrivalAndUsers() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests: [ { name: detect, path: / } ]
            phases:
              - name: steady
                duration: 10s
                arrival: { rate: 5/s }
                users: { count: 4 }
            """)
        #expect(
            errors == [
                "scenario.yaml:5:5: phases[0]: has both 'arrival' and 'users'; a phase uses one load model, so keep one"
            ])
    }

    @Test func burstAndStagesTogether() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests: [ { name: detect, path: / } ]
            phases:
              - name: steady
                duration: 10s
                arrival: { rate: 5/s, stages: [ { duration: 5s, target: 9/s } ], burst: { every: 2s, for: 1s, rate: 9/s } }
            """)
        #expect(errors == ["scenario.yaml:7:14: phases[0].arrival: 'stages' and 'burst' cannot be combined; keep one"])
    }

    @Test func burstLongerThanItsPeriod() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests: [ { name: detect, path: / } ]
            phases: [ { name: b, duration: 10s, arrival: { rate: 5/s, burst: { every: 2s, for: 2s, rate: 9/s } } } ]
            """)
        #expect(
            errors == [
                "scenario.yaml:4:66: phases[0].arrival.burst: 'for' (2s) must be shorter than 'every' (2s), or the burst never ends"
            ])
    }

    @Test func stagesLongerThanThePhase() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests: [ { name: detect, path: / } ]
            phases: [ { name: r, duration: 10s, users: { stages: [ { duration: 8s, target: 4 }, { duration: 4s, target: 0 } ] } } ]
            """)
        #expect(
            errors == [
                "scenario.yaml:4:54: phases[0].users.stages: the stages last 12s but the phase lasts 10s; shorten the stages or lengthen the phase"
            ])
    }

    @Test func slaNamingAPhaseThatDoesNotExist() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests: [ { name: detect, path: / } ]
            phases:
              - { name: warmup, duration: 10s, arrival: { rate: 5/s } }
              - { name: burst, duration: 10s, arrival: { rate: 5/s } }
            sla:
              - { phase: burts, request: detetc, p99: 1s }
            """)
        #expect(
            errors == [
                "scenario.yaml:8:14: sla[0].phase: no phase named 'burts' (phases: *, warmup, burst); did you mean 'burst'?",
                "scenario.yaml:8:30: sla[0].request: no request named 'detetc' (requests: detect); did you mean 'detect'?",
            ])
    }

    @Test func slaWithoutThresholds() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests: [ { name: detect, path: / } ]
            phases: [ { name: steady, duration: 10s, arrival: { rate: 5/s } } ]
            sla: [ { phase: steady, abort_on_fail: true } ]
            """)
        #expect(
            errors == [
                "scenario.yaml:5:8: sla[0]: needs at least one threshold: p50, p90, p95, p99, p99.9, max, error_rate, check_rate, min_throughput, max_dropped, version_consistency, rto, rpo, rpo_writes, recovery, steady_state"
            ])
    }

    @Test func duplicateNames() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests: [ { name: detect, path: / }, { name: detect, path: /v1 } ]
            phases: [ { name: steady, duration: 10s, arrival: { rate: 5/s } } ]
            """)
        #expect(
            errors == ["scenario.yaml:3:48: requests[1].name: request name 'detect' is used twice; request names must be unique"])
    }

    @Test func targetWithBothKinds() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {}, url: "http://127.0.0.1:1" }
            requests: [ { name: detect, path: / } ]
            phases: [ { name: steady, duration: 10s, arrival: { rate: 5/s } } ]
            """)
        #expect(errors == ["scenario.yaml:2:9: target: has both 'bundled' and 'url'; keep one"])
    }

    @Test func invalidYAMLIsReportedWithItsPosition() {
        let errors = ScenarioInput.errors("name: x\ntarget: { bundled: {}\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("scenario.yaml:3:1: invalid YAML:") == true)
    }

    @Test func duplicateKeysAreReported() {
        let errors = ScenarioInput.errors("name: x\nname: y\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("duplicate key 'name'") == true)
    }
}
