import Testing

@testable import LoadGen

@Suite struct VariableSubstitutionTests {
    static let scenario = """
        name: staging
        target: { url: "${STAGING_URL}" }
        requests:
          - name: detect
            path: /v1/${MODEL}/detect?tag=$${literal}
            headers: { authorization: "Bearer ${TOKEN}", x-price: "$5" }
        phases: [ { name: steady, duration: 10s, arrival: { rate: 5/s } } ]
        """

    @Test func variablesAreReplacedInURLPathsAndHeaderValues() throws {
        let scenario = try ScenarioInput.parse(
            Self.scenario, environment: ["STAGING_URL": "https://staging.example.internal", "MODEL": "face", "TOKEN": "abc"])
        #expect(scenario.target == .url("https://staging.example.internal"))
        #expect(scenario.requests[0].path == "/v1/face/detect?tag=${literal}")
        #expect(scenario.requests[0].headers.map(\.value) == ["Bearer abc", "$5"])
    }

    @Test func missingVariablesAreErrorsAtTheirValues() {
        let errors = ScenarioInput.errors(Self.scenario, environment: ["MODEL": "face"])
        #expect(
            errors == [
                "scenario.yaml:2:16: target.url: environment variable 'STAGING_URL' is not set; export STAGING_URL before running, or write $${STAGING_URL} for a literal ${STAGING_URL}",
                "scenario.yaml:6:31: requests[0].headers.authorization: environment variable 'TOKEN' is not set; export TOKEN before running, or write $${TOKEN} for a literal ${TOKEN}",
            ])
    }

    @Test func substitutedURLMustStillBeHTTP() {
        let errors = ScenarioInput.errors(
            Self.scenario, environment: ["STAGING_URL": "ftp://files", "MODEL": "face", "TOKEN": "abc"])
        #expect(errors == ["scenario.yaml:2:16: target.url: 'ftp://files' is not an http:// or https:// URL with a host"])
    }

    @Test(arguments: [
        ("${A}${B}", "12"), ("x$", "x$"), ("$${A}", "${A}"), ("$$", "$$"), ("a${A}b", "a1b"),
    ])
    func substitutionRules(text: String, expected: String) throws {
        let substitution = VariableSubstitution(environment: ["A": "1", "B": "2"])
        #expect(try substitution.apply(to: text).get() == expected)
    }

    @Test(arguments: ["${A", "${1A}", "${}", "${A-B}"])
    func malformedReferences(text: String) {
        #expect(throws: SyntaxProblem.self) { try VariableSubstitution(environment: ["A": "1"]).apply(to: text).get() }
    }
}
