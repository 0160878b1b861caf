import Testing

@testable import LoadGen

@Suite struct MultipleErrorsTests {
    @Test func everyProblemIsReportedOnceSortedByPosition() {
        let errors = ScenarioInput.errors(
            """
            name: has spaces
            target: { bundled: { replicas: two } }
            requests:
              - { name: detect, method: GET, path: v1/detect }
            phases:
              - { name: warmup, duration: 10, arrival: { rate: 5/s } }
              - { name: steady, duration: 30s, users: { count: 0 } }
            sla:
              - { phase: steddy, error_rate: 1 }
            """, file: "scenarios/broken.yaml")
        #expect(
            errors == [
                "scenarios/broken.yaml:1:7: name: invalid name 'has spaces'; use only letters, digits, '_', '.' and '-'",
                "scenarios/broken.yaml:2:32: target.bundled.replicas must be a whole number >= 1, not 'two'",
                "scenarios/broken.yaml:4:40: requests[0].path: 'v1/detect' must start with '/', e.g. /v1/detect",
                "scenarios/broken.yaml:6:31: phases[0].duration: invalid duration '10'; write a number and a unit (ms, s or m) with no space, e.g. 250ms, 1.5s, 2m",
                "scenarios/broken.yaml:7:52: phases[1].users.count: 0 is too small; it must be at least 1",
                "scenarios/broken.yaml:9:14: sla[0].phase: no phase named 'steddy' (phases: *, warmup, steady); did you mean 'steady'?",
                "scenarios/broken.yaml:9:34: sla[0].error_rate: invalid percentage '1'; write a number from 0 to 100 followed by %, e.g. 1%, 0.5%, 99.9%",
            ])
    }

    @Test func errorsAreSortedByLineThenColumn() {
        let errors = ScenarioErrors([
            ScenarioError(file: "f", line: 9, column: 1, keyPath: "", message: "c"),
            ScenarioError(file: "f", line: 2, column: 7, keyPath: "", message: "b"),
            ScenarioError(file: "f", line: 2, column: 3, keyPath: "", message: "a", suggestion: "x"),
        ])
        #expect(errors.description == "f:2:3: a; did you mean 'x'?\nf:2:7: b\nf:9:1: c")
    }
}
