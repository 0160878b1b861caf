import Testing
@testable import LoadGen

/// The per-second samples that steady-state, recovery and the chaos abort condition read, from a real server's
/// answers: an error response is one request and one error.
@Suite(.serialized) struct ErrorRateAgainstNginxTests {
    private let directives = #"location /ok { return 200 "ok\n"; } location /shed { return 503; }"#

    private func seconds(_ nginx: NginxServer, requests: [RequestSpec]) async throws -> [SecondSample] {
        let scenario = Scenario(
            name: "error-rate", target: .url("http://127.0.0.1"), requests: requests,
            phases: [PhaseSpec(name: "p", duration: .milliseconds(3500), load: .constantRate(Rate(perSecond: 200)))],
            // A busy test machine may stall nginx: requests then wait rather than being dropped (drops are errors too).
            options: EngineOptions(maxSendDelay: .seconds(30)))
        let engine = try LoadEngine(scenario: scenario, baseURL: nginx.baseURL)
        try await engine.run()
        let buckets = try await engine.takeSeconds(before: Int.max)
        await engine.shutdown()
        // Whole seconds of steady load only: the last bucket holds the half second at the end.
        return buckets.filter { $0.second < 3 }.map(SecondSample.init)
    }

    @Test func allSheddingTripsTheAbortCondition() async throws {
        try await NginxServer.with(serverDirectives: directives) { nginx in
            let samples = try await seconds(nginx, requests: [RequestSpec(name: "shed", path: "/shed", expect: Expectations())])
            #expect(samples.count == 3)
            for sample in samples { #expect(sample.errorRate == 1, "second \(sample.second): \(sample.outcomes)") }
            var watch = ChaosAbortWatch(condition: ChaosAbortCondition(errorRate: 0.9, duration: .seconds(3)))
            #expect(samples.map { watch.observe($0) } == [false, false, true])
        }
    }

    @Test func halfSheddingReadsHalf() async throws {
        try await NginxServer.with(serverDirectives: directives) { nginx in
            let samples = try await seconds(
                nginx, requests: [RequestSpec(name: "ok", path: "/ok"), RequestSpec(name: "shed", path: "/shed")])
            for sample in samples {
                #expect(abs(sample.errorRate - 0.5) <= 0.01, "second \(sample.second): \(sample.outcomes)")
            }
            var watch = ChaosAbortWatch(condition: ChaosAbortCondition(errorRate: 0.9, duration: .seconds(1)))
            #expect(samples.allSatisfy { !watch.observe($0) })
        }
    }
}
