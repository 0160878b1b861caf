import Testing
@testable import LoadGen

@Suite struct ResponseCheckerStatusTests {
    private func outcome(_ status: Int, accepting expectation: StatusExpectation) -> CheckOutcome {
        ResponseChecker(expect: Expectations(status: expectation), goldens: nil)
            .check(status: status, headers: [], body: nil, payloadName: nil)
    }

    @Test func defaultAcceptsSuccessAndRedirects() {
        #expect(outcome(200, accepting: .successful) == .passed)
        #expect(outcome(304, accepting: .successful) == .passed)
        #expect(outcome(404, accepting: .successful) == .statusRejected(404))
        #expect(outcome(503, accepting: .successful) == .statusRejected(503))
    }

    @Test func exactValuesAndClassesCombine() {
        let expectation = StatusExpectation(codes: [429], classes: [2])
        #expect(outcome(201, accepting: expectation) == .passed)
        #expect(outcome(429, accepting: expectation) == .passed)
        #expect(outcome(428, accepting: expectation) == .statusRejected(428))
        #expect(outcome(301, accepting: expectation) == .statusRejected(301))
    }

    @Test func rejectedStatusSkipsTheOtherChecks() {
        let checker = ResponseChecker(
            expect: Expectations(headers: [HeaderExpectation(name: "x-model-version")]), goldens: nil)
        #expect(checker.check(status: 500, headers: [], body: nil, payloadName: nil) == .statusRejected(500))
    }
}
