import Foundation
import Testing

@testable import LoadGen

/// The engine running one segment of a split scenario, and starting from a `--start-at` instant.
@Suite struct SegmentedEngineTests {
    private func scenario(_ load: LoadModel, duration: Duration = .seconds(1)) -> Scenario {
        Scenario(
            name: "segment-test", target: .url("http://127.0.0.1"), requests: [RequestSpec(name: "r", path: "/ok")],
            phases: [PhaseSpec(name: "p", duration: duration, load: load)])
    }

    private func run(
        _ scenario: Scenario, segment: ExecutionSegment = .whole, startAt: Date? = nil, loops: Int = 1,
        against server: TestHTTPServer
    ) async throws -> RequestStats {
        let engine = try LoadEngine(scenario: scenario, baseURL: server.baseURL, loops: loops, segment: segment)
        engine.start(at: startAt)
        try await engine.run()
        let stats = try await engine.stats(phase: 0)
        await engine.shutdown()
        return stats["r"] ?? RequestStats()
    }

    @Test func threeSegmentsTogetherSendWhatOneInstanceSends() async throws {
        try await TestHTTPServer.with { server in
            let load = LoadModel.constantRate(Rate(perSecond: 100))
            var sent: [Int] = []
            for index in 0..<3 {
                let stats = try await run(
                    scenario(load), segment: try ExecutionSegment(index: index, count: 3), loops: 2, against: server)
                #expect(stats.errorCount == 0)
                sent.append(stats.sent)
            }
            // 100 arrivals dealt 0, 1, 2, 0, …: 34, 33, 33.
            #expect(sent == [34, 33, 33])
            #expect(server.requestsReceived == 100)
        }
    }

    @Test func aSegmentRunsItsShareOfTheUsers() async throws {
        try await TestHTTPServer.with { server in
            let engine = try LoadEngine(
                scenario: scenario(.constantUsers(5, think: .milliseconds(50)), duration: .seconds(30)),
                baseURL: server.baseURL, segment: try ExecutionSegment(index: 1, count: 2))
            engine.start()
            // Users 1 and 3 of 0…4.
            try await waitUntil("the segment's users to start", within: .seconds(20)) { try await engine.gauges().users > 0 }
            #expect(try await engine.gauges().users == 2)
            engine.stop()
            try await engine.run()
            await engine.shutdown()
        }
    }

    @Test func aLateStartDropsWhatWasDueAndSendsTheRestOnSchedule() async throws {
        try await TestHTTPServer.with { server in
            // The 2 s schedule started 0.5 s ago: at least the 50 arrivals due by then are missed, never sent late.
            let stats = try await run(
                scenario(.constantRate(Rate(perSecond: 100)), duration: .seconds(2)), startAt: Date().addingTimeInterval(-0.5),
                against: server)
            #expect(stats.dropped >= 50)
            #expect(stats.sent > 0)
            #expect(stats.sent + stats.dropped == 200)
            #expect(server.requestsReceived == stats.sent)
            #expect(stats.errorCount == stats.dropped)
        }
    }

    @Test func startAtAcceptsRFC3339AndUnixMilliseconds() {
        let expected = Date(timeIntervalSince1970: 1_796_378_400)
        #expect(StartInstant.parse("1796378400000") == expected)
        #expect(StartInstant.parse("2026-12-04T10:00:00Z") == expected)
        #expect(StartInstant.parse("2026-12-04T11:00:00+01:00") == expected)
        #expect(StartInstant.parse("2026-12-04T10:00:00.250Z") == expected.addingTimeInterval(0.25))
        #expect(StartInstant.parse("tomorrow") == nil)
        #expect(StartInstant.parse("") == nil)
    }
}
