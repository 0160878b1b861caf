import Testing
@testable import LoadGen

/// Failed requests can never make latency look better: a run that sheds half its requests in a millisecond, or
/// times out on some, must not pass a latency SLA that the same service fails when every request succeeds slowly.
/// Measured against a real server process with a known mix of slow successes and fast or missing failures.
@Suite(.serialized) struct FailuresNeverFlatterLatencyTests {
    private func run(
        _ server: LoopbackServerProcess, _ requests: [RequestSpec], rate: Int = 40,
        // A busy test machine may stall the server: requests then wait rather than being dropped.
        options: EngineOptions = EngineOptions(maxSendDelay: .seconds(30))
    ) async throws -> RequestStats {
        let scenario = Scenario(
            name: "failures", target: .url("http://127.0.0.1"), requests: requests,
            phases: [PhaseSpec(name: "p", duration: .seconds(1), load: .constantRate(Rate(perSecond: Double(rate))))],
            options: options)
        let engine = try LoadEngine(scenario: scenario, baseURL: server.baseURL)
        try await engine.run()
        var merged = RequestStats()
        for stats in try await engine.stats(phase: 0).values { merged.merge(stats) }
        await engine.shutdown()
        return merged
    }

    private func judge(_ stats: RequestStats, p99 limit: Duration) -> ThresholdVerdict {
        ThresholdVerdict.judge(.latency(percentile: .p99, limit: limit), stats: stats, elapsed: .seconds(1))
    }

    private let slow = RequestSpec(name: "slow", path: "/slow?ms=150")

    @Test func sheddingHalfTheRequestsCannotBeatAllSucceedingSlowly() async throws {
        try await ScriptedHTTPServer.with { server in
            let allSlow = try await run(server, [slow])
            let halfShed = try await run(server, [slow, RequestSpec(name: "shed", path: "/shed")])
            #expect(allSlow.errorCount == 0)
            #expect(halfShed.errors[.http5xx] == 20)
            // Successes alone: the 1 ms 503s are not among them.
            #expect(halfShed.corrected.valueAtPercentile(50) >= 150_000)
            #expect(halfShed.errorStatusLatency.valueAtPercentile(99) < 150_000)
            // All attempts include the fast 503s (descriptive: how long until each client knew its outcome).
            #expect(halfShed.attempts.totalCount == 40)
            #expect(halfShed.attempts.valueAtPercentile(25) < 150_000)
            // The SLA: all slow passes 1 s; half shed fails it, its p99 falling among the failures.
            #expect(judge(allSlow, p99: .seconds(1)).passed)
            let shed = judge(halfShed, p99: .seconds(1))
            #expect(!shed.passed)
            #expect(shed.observedText == "failed requests (50% failed)", "\(shed.observedText)")
            let judgedMedian = JudgedLatency.value(atPercentile: 50, successes: halfShed.corrected, failures: halfShed.errorCount)
            let slowMedian = allSlow.corrected.valueAtPercentile(50)
            guard case .measured(let median) = judgedMedian else {
                Issue.record("judged median \(judgedMedian)")
                return
            }
            #expect(median >= allSlow.corrected.lowestEquivalentForValue(slowMedian) * 9 / 10, "\(median) vs \(slowMedian)")
        }
    }

    @Test func timeoutsCountAtTheirElapsedTimeAndFailTheSLA() async throws {
        try await ScriptedHTTPServer.with { server in
            // One request in ten hangs until the 300 ms request timeout; the rest answer in 20 ms.
            var requests = [RequestSpec(name: "hang", path: "/hang")]
            requests.append(RequestSpec(name: "fast", path: "/slow?ms=20", weight: 9))
            let stats = try await run(
                server, requests, options: EngineOptions(maxSendDelay: .seconds(30), requestTimeout: .milliseconds(300)))
            #expect(stats.errors[.timeout] == 4, "\(stats.errors)")
            #expect(stats.noResponseLatency.totalCount == 4)
            #expect(stats.noResponseLatency.valueAtPercentile(50) >= 300_000)
            #expect(stats.attempts.totalCount == 40)
            #expect(stats.attempts.valueAtPercentile(99) >= 300_000)
            // Successes alone look fine at p99; judged with the timeouts beyond them, they do not.
            #expect(stats.corrected.valueAtPercentile(99) < 300_000)
            #expect(!judge(stats, p99: .seconds(1)).passed)
        }
    }

    @Test func droppedRequestsLieBeyondEveryValue() async throws {
        try await ScriptedHTTPServer.with { server in
            // One connection, 150 ms answers, 40/s: most requests cannot go out within 100 ms and are dropped.
            let options = EngineOptions(maxConnections: 1, maxSendDelay: .milliseconds(100))
            let stats = try await run(server, [slow], options: options)
            #expect(stats.dropped > 20)
            #expect(stats.attempts.totalCount == 40)
            #expect(LatencyHistogram.isBeyondRange(stats.attempts.valueAtPercentile(99), in: stats.attempts))
            #expect(!judge(stats, p99: .seconds(10)).passed)
        }
    }
}
