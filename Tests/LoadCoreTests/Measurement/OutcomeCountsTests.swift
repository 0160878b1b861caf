import LoadCore
import Testing

/// The one definition of attempts, errors and the error rate.
@Suite struct OutcomeCountsTests {
    @Test func anErrorResponseIsOneRequestAndOneError() {
        // 100 requests, every one answered 503: the rate is 100 %, not "100 errors in 200 requests".
        let outcomes = OutcomeCounts(sent: 100, completed: 100, errorsByCode: [.http5xx: 100])
        #expect(outcomes.attempts == 100)
        #expect(outcomes.ended == 100)
        #expect(outcomes.errors == 100)
        #expect(outcomes.errorRate == 1)
    }

    @Test func halfShedReadsHalf() {
        let outcomes = OutcomeCounts(sent: 200, completed: 200, errorsByCode: [.http5xx: 100])
        #expect(outcomes.errorRate == 0.5)
    }

    @Test func endsWithoutAResponseAreErrorsAndCheckFailuresAreNot() {
        // 90 sent: 80 answered (5 of them 404, 7 failing a check), 6 reset, 4 timed out; 10 more dropped.
        let outcomes = OutcomeCounts(
            sent: 90, completed: 80, errorsByCode: [.http4xx: 5, .checkFailed: 7, .reset: 6, .timeout: 4, .dropped: 10])
        #expect(outcomes.attempts == 100)
        #expect(outcomes.ended == 100)
        #expect(outcomes.errorStatuses == 5)
        #expect(outcomes.endedWithoutResponse == 20)
        #expect(outcomes.errors == 25)
        #expect(outcomes.errorRate == 0.25)
    }

    @Test func storedCodesReadTheSameAndUnknownCodesAreIgnored() {
        let typed = OutcomeCounts(sent: 10, completed: 8, errorsByCode: [.http5xx: 3, .reset: 2])
        let stored = OutcomeCounts(sent: 10, completed: 8, errorsByCode: ["http_5xx": 3, "reset": 2, "from_the_future": 9])
        #expect(typed == stored)
    }

    @Test func aSecondInWhichNothingEndedHasNoErrorRate() {
        #expect(OutcomeCounts(sent: 5, completed: 0, errorsByCode: [ErrorCode: Int]()).errorRate == 0)
        #expect(OutcomeCounts.none.errorRate == 0)
    }

    @Test func sumsAddEveryCount() {
        let a = OutcomeCounts(sent: 10, completed: 10, errorsByCode: [.http5xx: 10])
        let b = OutcomeCounts(sent: 10, completed: 10, errorsByCode: [ErrorCode: Int]())
        #expect((a + b).errorRate == 0.5)
        #expect((a + b).attempts == 20)
    }
}
