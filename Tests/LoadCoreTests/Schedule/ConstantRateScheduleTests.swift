import Testing
@testable import LoadCore

@Suite struct ConstantRateScheduleTests {
    @Test func tenPerSecondOverOneSecondIsTenArrivalsAHundredMillisecondsApart() {
        let arrivals = allArrivals(of: ConstantRateSchedule(rate: Rate(perSecond: 10), phaseDuration: .seconds(1)))
        #expect(arrivals == (0..<10).map { Duration.milliseconds(100 * $0) })
    }

    @Test func thousandPerSecondOverThirtySecondsIsExactlyThirtyThousand() {
        let arrivals = allArrivals(of: ConstantRateSchedule(rate: Rate(perSecond: 1000), phaseDuration: .seconds(30)))
        #expect(arrivals.count == 30_000)
        #expect(arrivals.last == .nanoseconds(29_999_000_000))
    }

    @Test func arrivalsDoNotDriftOverLongPhases() {
        // 1/3 s is not representable; each arrival is still within a nanosecond of k/3.
        let arrivals = allArrivals(of: ConstantRateSchedule(rate: Rate(perSecond: 3), phaseDuration: .seconds(3600)))
        #expect(arrivals.count == 10_800)
        #expect(arrivals[10_799] == .nanoseconds(3_599_666_666_667))
    }

    @Test func zeroRateSendsNothing() {
        #expect(allArrivals(of: ConstantRateSchedule(rate: Rate(perSecond: 0), phaseDuration: .seconds(10))).isEmpty)
    }

    @Test func staysFinishedAfterTheEnd() {
        var schedule = ConstantRateSchedule(rate: Rate(perSecond: 1), phaseDuration: .seconds(1))
        #expect(schedule.next() == .zero)
        #expect(schedule.next() == nil)
        #expect(schedule.next() == nil)
    }

    @Test func factoryBuildsOpenModelsOnly() {
        #expect(LoadModel.constantRate(Rate(perSecond: 5)).arrivalSchedule(phaseDuration: .seconds(1)) != nil)
        #expect(LoadModel.poisson(Rate(perSecond: 5), seed: 1).arrivalSchedule(phaseDuration: .seconds(1)) != nil)
        #expect(LoadModel.constantUsers(3, think: .zero).arrivalSchedule(phaseDuration: .seconds(1)) == nil)
        #expect(
            LoadModel.rampingUsers(start: 0, stages: [], think: .zero).arrivalSchedule(phaseDuration: .seconds(1))
                == nil)
    }
}
