import Testing

@testable import LoadGen

@Suite struct ScaledScenarioTests {
    static let scenario = Scenario(
        name: "s", target: .bundled(BundledTarget()), requests: [RequestSpec(name: "r", path: "/")],
        phases: [
            PhaseSpec(name: "steady", duration: .seconds(10), load: .constantRate(Rate(perSecond: 5))),
            PhaseSpec(
                name: "ramp", duration: .seconds(30),
                load: .rampingRate(
                    start: Rate(perSecond: 5), stages: [RateStage(duration: .seconds(20), target: Rate(perSecond: 50))])),
            PhaseSpec(
                name: "burst", duration: .seconds(30),
                load: .bursts(base: Rate(perSecond: 10), every: .seconds(10), length: .seconds(2), burstRate: Rate(perSecond: 60))
            ),
            PhaseSpec(
                name: "users", duration: .seconds(20),
                load: .rampingUsers(start: 1, stages: [UserStage(duration: .seconds(10), target: 8)], think: .milliseconds(100))),
        ],
        sla: [SLARule(thresholds: [.errorRate(0.01)], grace: .seconds(5)), SLARule(thresholds: [.maxDropped(0)], grace: .zero)],
        options: EngineOptions(maxConnections: 8, connectTimeout: .seconds(5), requestTimeout: .seconds(10)))

    @Test func timesScaleAndRatesUsersAndTimeoutsDoNot() {
        let scaled = Self.scenario.scaled(by: 0.1)
        #expect(
            scaled.phases == [
                PhaseSpec(name: "steady", duration: .seconds(1), load: .constantRate(Rate(perSecond: 5))),
                PhaseSpec(
                    name: "ramp", duration: .seconds(3),
                    load: .rampingRate(
                        start: Rate(perSecond: 5), stages: [RateStage(duration: .seconds(2), target: Rate(perSecond: 50))])),
                PhaseSpec(
                    name: "burst", duration: .seconds(3),
                    load: .bursts(
                        base: Rate(perSecond: 10), every: .seconds(1), length: .milliseconds(200), burstRate: Rate(perSecond: 60))
                ),
                PhaseSpec(
                    name: "users", duration: .seconds(2),
                    load: .rampingUsers(
                        start: 1, stages: [UserStage(duration: .seconds(1), target: 8)], think: .milliseconds(100))),
            ])
        #expect(scaled.sla.map(\.grace) == [.milliseconds(500), .zero])
        #expect(scaled.options == Self.scenario.options)
        #expect(scaled.requests == Self.scenario.requests)
    }

    @Test func scaledDurationsNeverDropBelowOneMillisecond() {
        let scaled = Self.scenario.scaled(by: 0.000_01)
        #expect(scaled.phases.map(\.duration) == Array(repeating: .milliseconds(1), count: 4))
        #expect(scaled.sla[0].grace == .milliseconds(1))
    }

    @Test func scalingUpStretchesTime() {
        let scaled = Self.scenario.scaled(by: 2)
        #expect(scaled.totalDuration == .seconds(180))
    }

    @Test func factorOneChangesNothing() {
        #expect(Self.scenario.scaled(by: 1) == Self.scenario)
    }
}
