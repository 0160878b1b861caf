import Testing

@testable import LoadGen

@Suite struct UnknownKeyTests {
    @Test func misspeltKeyIsNamedWithItsPathAndTheNearestValidKey() {
        let errors = ScenarioInput.errors(
            """
            name: burst
            target:
              bundled: { replicas: 2 }
            requests:
              - name: detect
                method: POST
                path: /v1/detect
            phases:
              - name: warmup
                duration: 10s
                arrival: { rate: 5/s }
              - name: burst
                arrival: { rate: 10/s, burst: { every: 10s, for: 2s, rate: 60/s } }
                durration: 30s
            """, file: "scenarios/burst.yaml")
        #expect(errors == ["scenarios/burst.yaml:14:5: unknown key 'durration' in phases[1]; did you mean 'duration'?"])
    }

    @Test func unknownKeyFarFromAnyValidKeyHasNoSuggestion() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: { colour: blue } }
            requests: [ { name: detect, path: / } ]
            phases: [ { name: steady, duration: 10s, arrival: { rate: 5/s } } ]
            """)
        #expect(errors == ["scenario.yaml:2:22: unknown key 'colour' in target.bundled"])
    }

    @Test func unknownEnumValueSuggestsTheNearest() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests: [ { name: detect, method: PSOT, path: / } ]
            phases: [ { name: steady, duration: 10s, arrival: { rate: 5/s } } ]
            """)
        #expect(
            errors == [
                "scenario.yaml:3:37: requests[0].method: unknown method 'PSOT'; expected one of GET, POST, PUT, DELETE, PATCH, HEAD; did you mean 'POST'?"
            ])
    }

    @Test func misspeltTopLevelKeyIsSuggestedInsteadOfReportedMissing() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests: [ { name: detect, path: / } ]
            phase: [ { name: steady, duration: 10s, arrival: { rate: 5/s } } ]
            """)
        #expect(errors == ["scenario.yaml:4:1: unknown key 'phase' at the top level; did you mean 'phases'?"])
    }
}
