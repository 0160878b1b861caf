import Testing
@testable import LoadCore

@Suite struct UserScheduleTests {
    @Test func constantUsersHoldTheirCount() {
        let schedule = UserSchedule(load: .constantUsers(8, think: .milliseconds(100)), phaseDuration: .seconds(10))
        #expect(schedule.users(at: .zero) == 8)
        #expect(schedule.users(at: .seconds(9)) == 8)
        #expect(schedule.peak == 8)
        #expect(schedule.think == .milliseconds(100))
    }

    @Test func rampingUsersHitEachTargetAtItsStageBoundary() {
        let schedule = UserSchedule(
            load: .rampingUsers(
                start: 0,
                stages: [
                    UserStage(duration: .seconds(10), target: 10),
                    UserStage(duration: .seconds(5), target: 10),
                    UserStage(duration: .seconds(10), target: 0),
                ],
                think: .zero),
            phaseDuration: .seconds(30))
        #expect(schedule.users(at: .zero) == 0)
        #expect(schedule.users(at: .seconds(10)) == 10)
        #expect(schedule.users(at: .seconds(15)) == 10)
        #expect(schedule.users(at: .seconds(25)) == 0)
        #expect(schedule.users(at: .seconds(29)) == 0)
        #expect(schedule.peak == 10)
    }

    @Test func rampsChangeOnlyOnceTheLineReachesTheNextUser() {
        let schedule = UserSchedule(
            load: .rampingUsers(
                start: 0,
                stages: [UserStage(duration: .seconds(10), target: 10), UserStage(duration: .seconds(10), target: 0)],
                think: .zero),
            phaseDuration: .seconds(20))
        #expect(schedule.users(at: .milliseconds(2999)) == 2)
        #expect(schedule.users(at: .seconds(3)) == 3)
        #expect(schedule.users(at: .milliseconds(3500)) == 3)
        // Falling: 10 users until the line reaches 9 at 11 s.
        #expect(schedule.users(at: .milliseconds(10_999)) == 10)
        #expect(schedule.users(at: .seconds(11)) == 9)
    }

    @Test func zeroLengthStageJumps() {
        let schedule = UserSchedule(
            load: .rampingUsers(start: 2, stages: [UserStage(duration: .zero, target: 6)], think: .zero),
            phaseDuration: .seconds(5))
        #expect(schedule.users(at: .zero) == 6)
        #expect(schedule.peak == 6)
    }

    @Test func peakCountsOnlyWhatThePhaseReaches() {
        let schedule = UserSchedule(
            load: .rampingUsers(start: 0, stages: [UserStage(duration: .seconds(10), target: 100)], think: .zero),
            phaseDuration: .seconds(5))
        #expect(schedule.peak == 50)
    }

    @Test func openModelsHaveNoUsers() {
        let schedule = UserSchedule(load: .constantRate(Rate(perSecond: 5)), phaseDuration: .seconds(5))
        #expect(schedule.users(at: .seconds(1)) == 0)
        #expect(schedule.peak == 0)
    }
}
