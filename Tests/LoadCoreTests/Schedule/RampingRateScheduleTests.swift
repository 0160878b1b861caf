import Testing
@testable import LoadCore

@Suite struct RampingRateScheduleTests {
    @Test func rampFromZeroToHundredOverTenSecondsFollowsTheIntegral() {
        let schedule = RampingRateSchedule(
            start: Rate(perSecond: 0), stages: [RateStage(duration: .seconds(10), target: Rate(perSecond: 100))],
            phaseDuration: .seconds(10))
        let arrivals = allArrivals(of: schedule)
        #expect(abs(arrivals.count - 500) <= 1)
        for second in 0..<10 {
            // ∫ 10t dt over [s, s+1) = 5(2s + 1)
            let expected = 5 * (2 * second + 1)
            let observed = arrivalCount(arrivals, from: Double(second), to: Double(second + 1))
            #expect(abs(observed - expected) <= 1, "second \(second): \(observed) arrivals, integral \(expected)")
        }
    }

    @Test func arrivalsSitWhereTheIntegralReachesTheirIndex() {
        // Rate 10t: arrival k at √(k/5).
        let schedule = RampingRateSchedule(
            start: Rate(perSecond: 0), stages: [RateStage(duration: .seconds(10), target: Rate(perSecond: 100))],
            phaseDuration: .seconds(10))
        let arrivals = allArrivals(of: schedule)
        #expect(arrivals[0] == .zero)
        #expect(arrivals[5] == .seconds(1))
        #expect(arrivals[20] == .seconds(2))
        #expect(arrivals[405] == .seconds(9))
    }

    @Test func holdsTheLastTargetUntilThePhaseEnds() {
        let schedule = RampingRateSchedule(
            start: Rate(perSecond: 10), stages: [RateStage(duration: .seconds(2), target: Rate(perSecond: 20))],
            phaseDuration: .seconds(5))
        let arrivals = allArrivals(of: schedule)
        // 2 s averaging 15/s, then 3 s at 20/s.
        #expect(arrivals.count == 30 + 60)
        #expect(arrivalCount(arrivals, from: 3, to: 4) == 20)
        #expect(arrivals == arrivals.sorted())
    }

    @Test func rampDownToZeroStopsSending() {
        let schedule = RampingRateSchedule(
            start: Rate(perSecond: 100),
            stages: [
                RateStage(duration: .seconds(2), target: Rate(perSecond: 0)),
                RateStage(duration: .seconds(3), target: Rate(perSecond: 0)),
            ],
            phaseDuration: .seconds(5))
        let arrivals = allArrivals(of: schedule)
        #expect(arrivals.count == 100)
        #expect(arrivals.allSatisfy { $0 < .seconds(2) })
    }

    @Test func zeroRateStartThenStepUpBeginsWhenTheRateDoes() {
        let schedule = RampingRateSchedule(
            start: Rate(perSecond: 0),
            stages: [
                RateStage(duration: .seconds(1), target: Rate(perSecond: 0)),
                RateStage(duration: .zero, target: Rate(perSecond: 4)),
            ],
            phaseDuration: .seconds(2))
        let arrivals = allArrivals(of: schedule)
        #expect(arrivals == [.seconds(1), .milliseconds(1250), .milliseconds(1500), .milliseconds(1750)])
    }

    @Test func stagesLongerThanThePhaseAreCutAtItsEnd() {
        let schedule = RampingRateSchedule(
            start: Rate(perSecond: 10), stages: [RateStage(duration: .seconds(10), target: Rate(perSecond: 10))],
            phaseDuration: .seconds(1))
        #expect(allArrivals(of: schedule).count == 10)
    }
}
