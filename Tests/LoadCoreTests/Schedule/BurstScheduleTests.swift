import Testing
@testable import LoadCore

@Suite struct BurstScheduleTests {
    private let schedule = BurstSchedule(
        base: Rate(perSecond: 10), every: .seconds(10), length: .seconds(2), burstRate: Rate(perSecond: 60),
        phaseDuration: .seconds(30))

    @Test func eachBurstWindowGetsBurstRateTimesLength() {
        let arrivals = allArrivals(of: schedule)
        for window in [0.0, 10, 20] {
            #expect(arrivalCount(arrivals, from: window, to: window + 2) == 120)
            #expect(arrivalCount(arrivals, from: window + 2, to: window + 10) == 80)
        }
        #expect(arrivals.count == 600)
    }

    @Test func gapsFollowTheRateOfTheirWindow() {
        let arrivals = allArrivals(of: schedule)
        #expect(arrivals[1] - arrivals[0] == .nanoseconds(16_666_667))
        #expect(arrivals[120] == .seconds(2))
        #expect(arrivals[121] == .milliseconds(2100))
        #expect(arrivals[200] == .seconds(10))
    }

    @Test func zeroBaseSendsOnlyInBursts() {
        let arrivals = allArrivals(
            of: BurstSchedule(
                base: Rate(perSecond: 0), every: .seconds(5), length: .seconds(1), burstRate: Rate(perSecond: 5),
                phaseDuration: .seconds(10)))
        #expect(arrivals == [0, 200, 400, 600, 800, 5000, 5200, 5400, 5600, 5800].map { .milliseconds($0) })
    }
}
