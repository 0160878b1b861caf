import Testing

@testable import LoadGen

/// Wrong types and malformed values are reported at the value, naming its key path.
@Suite struct ValueErrorTests {
    /// A valid scenario whose single phase line (line 4) and SLA line (line 5) the tests replace.
    static func scenario(
        phase: String = "{ name: steady, duration: 10s, arrival: { rate: 5/s } }", sla: String = "{ p99: 1s }",
        bundled: String = "{}"
    ) -> String {
        """
        name: x
        target: { bundled: \(bundled) }
        requests: [ { name: detect, path: / } ]
        phases: [ \(phase) ]
        sla: [ \(sla) ]
        """
    }

    @Test func durationWithASpace() {
        let errors = ScenarioInput.errors(Self.scenario(phase: "{ name: steady, duration: 10 s, arrival: { rate: 5/s } }"))
        #expect(
            errors == [
                "scenario.yaml:4:37: phases[0].duration: invalid duration '10 s'; write a number and a unit (ms, s or m) with no space, e.g. 250ms, 1.5s, 2m"
            ])
    }

    @Test func durationWithoutAUnit() {
        let errors = ScenarioInput.errors(Self.scenario(phase: "{ name: steady, duration: 10, arrival: { rate: 5/s } }"))
        #expect(
            errors == [
                "scenario.yaml:4:37: phases[0].duration: invalid duration '10'; write a number and a unit (ms, s or m) with no space, e.g. 250ms, 1.5s, 2m"
            ])
    }

    @Test func zeroPhaseDuration() {
        let errors = ScenarioInput.errors(Self.scenario(phase: "{ name: steady, duration: 0s, arrival: { rate: 5/s } }"))
        #expect(errors == ["scenario.yaml:4:37: phases[0].duration: the duration must be greater than 0"])
    }

    @Test func rateWithoutAUnit() {
        let errors = ScenarioInput.errors(Self.scenario(phase: "{ name: steady, duration: 10s, arrival: { rate: 10 } }"))
        #expect(
            errors == [
                "scenario.yaml:4:59: phases[0].arrival.rate: invalid rate '10'; write requests per second or per minute, e.g. 10/s, 600/m"
            ])
    }

    @Test func percentageWithoutPercentSign() {
        let errors = ScenarioInput.errors(Self.scenario(sla: "{ error_rate: 1 }"))
        #expect(
            errors == [
                "scenario.yaml:5:22: sla[0].error_rate: invalid percentage '1'; write a number from 0 to 100 followed by %, e.g. 1%, 0.5%, 99.9%"
            ])
    }

    @Test func wordWhereANumberBelongs() {
        let errors = ScenarioInput.errors(Self.scenario(bundled: "{ replicas: two }"))
        #expect(errors == ["scenario.yaml:2:32: target.bundled.replicas must be a whole number >= 1, not 'two'"])
    }

    @Test func numberBelowItsMinimum() {
        let errors = ScenarioInput.errors(Self.scenario(bundled: "{ replicas: 0 }"))
        #expect(errors == ["scenario.yaml:2:32: target.bundled.replicas: 0 is too small; it must be at least 1"])
    }

    @Test func mappingWhereAListBelongs() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests: { name: detect, path: / }
            phases: [ { name: steady, duration: 10s, arrival: { rate: 5/s } } ]
            """)
        #expect(errors == ["scenario.yaml:3:11: requests must be a list of requests, not a mapping"])
    }

    @Test func wordWhereABooleanBelongs() {
        let errors = ScenarioInput.errors(Self.scenario(sla: "{ p99: 1s, abort_on_fail: yes }"))
        #expect(errors == ["scenario.yaml:5:34: sla[0].abort_on_fail must be true or false, not 'yes'"])
    }

    @Test func statusOutsideTheHTTPRange() {
        let errors = ScenarioInput.errors(
            """
            name: x
            target: { bundled: {} }
            requests: [ { name: detect, path: /, expect: { status: [200, 700, 2xy] } } ]
            phases: [ { name: steady, duration: 10s, arrival: { rate: 5/s } } ]
            """)
        #expect(
            errors == [
                "scenario.yaml:3:62: requests[0].expect.status[1] must be a status code (100-599) or class (1xx-5xx), not '700'",
                "scenario.yaml:3:67: requests[0].expect.status[2] must be a status code (100-599) or class (1xx-5xx), not '2xy'",
            ])
    }
}
