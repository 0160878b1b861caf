import Foundation
import Testing
@testable import LoadGen

/// The engine against a real local server: counts, status errors, transport errors and coordinated omission.
@Suite struct LoadEngineTests {
    private func scenario(
        path: String, load: LoadModel, duration: Duration = .seconds(1), options: EngineOptions = EngineOptions()
    ) -> Scenario {
        Scenario(
            name: "engine-test", target: .url("http://127.0.0.1"),
            requests: [RequestSpec(name: "r", path: path)],
            phases: [PhaseSpec(name: "p", duration: duration, load: load)],
            options: options)
    }

    private func run(_ scenario: Scenario, against server: TestHTTPServer) async throws -> RequestStats {
        let engine = try LoadEngine(scenario: scenario, baseURL: server.baseURL)
        try await engine.run()
        let stats = try await engine.stats(phase: 0)
        await engine.shutdown()
        return stats["r"] ?? RequestStats()
    }

    @Test func openModelSendsExactlyTheScheduledRequests() async throws {
        try await TestHTTPServer.with { server in
            let stats = try await run(scenario(path: "/ok", load: .constantRate(Rate(perSecond: 50))), against: server)
            #expect(stats.sent == 50)
            #expect(stats.completed == 50)
            #expect(stats.errorCount == 0)
            #expect(server.requestsReceived == 50)
            #expect(stats.corrected.totalCount == 50)
        }
    }

    @Test func closedModelKeepsUsersBusyAndCountsMatchTheServer() async throws {
        try await TestHTTPServer.with { server in
            let stats = try await run(
                scenario(path: "/chunked", load: .constantUsers(4, think: .zero), duration: .milliseconds(500)), against: server)
            #expect(stats.sent > 50)
            #expect(stats.completed == stats.sent)
            #expect(server.requestsReceived == stats.sent)
            #expect(stats.errorCount == 0)
        }
    }

    @Test func unexpectedStatusesAreCountedByClass() async throws {
        try await TestHTTPServer.with { server in
            let stats = try await run(
                scenario(path: "/status/503", load: .constantRate(Rate(perSecond: 20)), duration: .milliseconds(500)),
                against: server)
            #expect(stats.errors[.http5xx] == 10)
            #expect(stats.completed == 10)
        }
    }

    @Test func aDroppedConnectionIsAReset() async throws {
        try await TestHTTPServer.with { server in
            let stats = try await run(
                scenario(path: "/close", load: .constantRate(Rate(perSecond: 20)), duration: .milliseconds(500)), against: server)
            #expect(stats.errors[.reset] == 10)
            #expect(stats.completed == 0)
        }
    }

    @Test func slowResponsesTimeOut() async throws {
        try await TestHTTPServer.with { server in
            let options = EngineOptions(requestTimeout: .milliseconds(200))
            let stats = try await run(
                scenario(
                    path: "/stall?ms=2000", load: .constantRate(Rate(perSecond: 10)), duration: .milliseconds(300),
                    options: options), against: server)
            #expect(stats.errors[.timeout] == 3)
        }
    }

    @Test func aRefusedConnectionIsReportedAsSuch() async throws {
        // Bind and close a server to get a port that nothing listens on.
        let server = try await TestHTTPServer.start()
        await server.stop()
        let engine = try LoadEngine(
            scenario: scenario(path: "/ok", load: .constantRate(Rate(perSecond: 20)), duration: .milliseconds(250)),
            baseURL: server.baseURL)
        try await engine.run()
        let stats = try await engine.stats(phase: 0)["r"] ?? RequestStats()
        await engine.shutdown()
        #expect(stats.errors[.connectRefused] == 5)
        #expect(stats.errorRate == 1)
    }

    @Test func whenTheServerStallsCorrectedLatencyExceedsUncorrected() async throws {
        // One connection, 20 requests/s, each answered after 100 ms: requests queue behind each other. Measured
        // from when they were sent they look like 100 ms; from when they were due they grow towards a second.
        try await TestHTTPServer.with { server in
            let options = EngineOptions(maxConnections: 1, maxSendDelay: .seconds(10))
            let stats = try await run(
                scenario(
                    path: "/stall?ms=100", load: .constantRate(Rate(perSecond: 20)), duration: .milliseconds(500),
                    options: options), against: server)
            #expect(stats.completed == 10)
            #expect(stats.dropped == 0)
            let uncorrected = stats.uncorrected.valueAtPercentile(99)
            let corrected = stats.corrected.valueAtPercentile(99)
            #expect(uncorrected < 200_000)
            #expect(corrected > 400_000)
            #expect(corrected > 2 * uncorrected)
        }
    }

    @Test func requestsThatCannotGoOutOnTimeAreDropped() async throws {
        try await TestHTTPServer.with { server in
            let options = EngineOptions(maxConnections: 1, maxSendDelay: .milliseconds(50))
            let stats = try await run(
                scenario(
                    path: "/stall?ms=300", load: .constantRate(Rate(perSecond: 20)), duration: .milliseconds(500),
                    options: options), against: server)
            #expect(stats.dropped > 0)
            #expect(stats.sent + stats.dropped == 10)
        }
    }
}

/// The https path: a TLS handshake against a server that only speaks plain HTTP fails, and is counted as `tls`.
@Suite struct LoadEngineTLSTests {
    @Test func aFailedHandshakeIsATLSError() async throws {
        try await TestHTTPServer.with { server in
            let scenario = Scenario(
                name: "tls", target: .url("https://127.0.0.1"),
                requests: [RequestSpec(name: "r", path: "/ok")],
                phases: [PhaseSpec(name: "p", duration: .milliseconds(200), load: .constantRate(Rate(perSecond: 10)))],
                options: EngineOptions(connectTimeout: .seconds(2), requestTimeout: .seconds(2)))
            let engine = try LoadEngine(scenario: scenario, baseURL: "https://127.0.0.1:\(server.port)")
            try await engine.run()
            let stats = try await engine.stats(phase: 0)["r"] ?? RequestStats()
            await engine.shutdown()
            #expect(stats.completed == 0)
            #expect(stats.errors[.tls, default: 0] == 2, "\(stats.errors)")
        }
    }
}

@Suite struct WarmConnectionsTests {
    private func scenario(_ loads: [LoadModel], maxConnections: Int = 256) -> Scenario {
        Scenario(
            name: "warm", target: .url("http://127.0.0.1"), requests: [RequestSpec(name: "r", path: "/")],
            phases: loads.enumerated().map { PhaseSpec(name: "p\($0.offset)", duration: .seconds(1), load: $0.element) },
            options: EngineOptions(maxConnections: maxConnections))
    }

    @Test func twoPerThousandRequestsPerSecondOfThePeakRate() {
        #expect(LoadEngine.warmConnections(for: scenario([.constantRate(Rate(perSecond: 10_000))])) == 20)
        #expect(LoadEngine.warmConnections(for: scenario([.constantRate(Rate(perSecond: 5))])) == 2)
        let bursts = LoadModel.bursts(
            base: Rate(perSecond: 10), every: .seconds(10), length: .seconds(1), burstRate: Rate(perSecond: 2_500))
        #expect(LoadEngine.warmConnections(for: scenario([.constantRate(Rate(perSecond: 100)), bursts])) == 6)
    }

    @Test func closedModelsAndMaxConnectionsLimitIt() {
        #expect(LoadEngine.warmConnections(for: scenario([.constantUsers(8, think: .zero)])) == 0)
        #expect(LoadEngine.warmConnections(for: scenario([.constantRate(Rate(perSecond: 50_000))], maxConnections: 4)) == 4)
    }
}
