import NIOCore
import Testing

@testable import Chaos

/// Per-request decisions of the HTTP toxics, from a seeded generator.
@Suite struct HTTPFaultDeciderTests {
    func decider(_ toxics: [Toxic]) throws -> HTTPFaultDecider {
        var decider = HTTPFaultDecider()
        for toxic in toxics { decider.set(try ToxicRegistry.validated(toxic)) }
        return decider
    }

    @Test func hundredPercentAbortsEveryRequestAndZeroNone() throws {
        var random = SeededRandom(seed: 1)
        let always = try decider([Toxic(name: "a", type: "http_abort", attributes: ["status": 503, "percentage": 100])])
        let never = try decider([Toxic(name: "a", type: "http_abort", attributes: ["status": 503, "percentage": 0])])
        for _ in 0..<200 {
            #expect(always.decide(using: &random).abortStatus == 503)
            #expect(never.decide(using: &random).abortStatus == nil)
        }
    }

    @Test func percentageIsAboutRightAndRepeatableWithASeed() throws {
        let half = try decider([Toxic(name: "d", type: "http_delay", attributes: ["delay": 100, "percentage": 30])])
        func delayed(seed: UInt64) -> [Bool] {
            var random = SeededRandom(seed: seed)
            return (0..<1000).map { _ in half.decide(using: &random).delay == .milliseconds(100) }
        }
        let first = delayed(seed: 42)
        #expect(first == delayed(seed: 42))
        #expect((240...360).contains(first.filter { $0 }.count))
    }

    @Test func delayAndAbortCombine() throws {
        var random = SeededRandom(seed: 3)
        let both = try decider([
            Toxic(name: "d", type: "http_delay", attributes: ["delay": 250]),
            Toxic(name: "a", type: "http_abort", attributes: ["status": 429]),
        ])
        #expect(both.decide(using: &random) == .init(delay: .milliseconds(250), abortStatus: 429))
    }
}
