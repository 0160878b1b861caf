import Testing
@testable import LoadGen

@Suite struct ResponseCheckerHeaderTests {
    private let headers = [("Content-Type", "application/json"), ("X-Model-Version", "3")]

    private func outcome(_ expectation: HeaderExpectation) -> CheckOutcome {
        ResponseChecker(expect: Expectations(headers: [expectation]), goldens: nil)
            .check(status: 200, headers: headers, body: nil, payloadName: nil)
    }

    @Test func existsMatchesNamesCaseInsensitively() {
        #expect(outcome(HeaderExpectation(name: "x-model-version")) == .passed)
        #expect(outcome(HeaderExpectation(name: "x-request-id")) == .failed("header 'x-request-id' missing"))
    }

    @Test func equalsComparesTheValueExactly() {
        #expect(outcome(HeaderExpectation(name: "x-model-version", equals: "3")) == .passed)
        #expect(
            outcome(HeaderExpectation(name: "content-type", equals: "image/jpeg"))
                == .failed("header 'content-type': expected \"image/jpeg\", got \"application/json\""))
    }

    @Test func bodyIsNotNeededForHeaderChecks() {
        let checker = ResponseChecker(expect: Expectations(headers: [HeaderExpectation(name: "a")]), goldens: nil)
        #expect(!checker.needsBody)
    }
}
