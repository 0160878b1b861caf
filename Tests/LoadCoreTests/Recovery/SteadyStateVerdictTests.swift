import Testing

@testable import LoadCore

/// The steady-state hypothesis on fixed probe logs: held before, deviations during, re-established after.
struct SteadyStateVerdictTests {
    typealias Round = SteadyStateVerdict.Round

    @Test func heldBeforeDeviatedDuringAndReestablishedAfter() {
        let rounds = [
            Round(atMs: 0, failed: []), Round(atMs: 2_000, failed: []),
            Round(atMs: 4_000, failed: ["health"]), Round(atMs: 6_000, failed: ["health", "pods"]),
            Round(atMs: 8_000, failed: []),
            Round(atMs: 10_000, failed: ["health"]),  // after the revert, still failing
            Round(atMs: 12_000, failed: []), Round(atMs: 14_000, failed: ["pods"]),  // a relapse: not yet re-established
            Round(atMs: 16_000, failed: []), Round(atMs: 18_000, failed: []),
        ]
        let verdict = SteadyStateVerdict(rounds: rounds, firstInjectionMs: 3_000, lastRevertMs: 9_500)
        #expect(verdict.heldBefore == true)
        #expect(verdict.deviatingRounds == 2)
        #expect(verdict.reestablishedAtMs == 16_000)
        #expect(verdict.reestablishedAfterMs == 6_500)
        #expect(verdict.held)
    }

    @Test func notHoldingBeforeTheFaultsFailsTheHypothesis() {
        let rounds = [Round(atMs: 0, failed: ["health"]), Round(atMs: 10_000, failed: [])]
        let verdict = SteadyStateVerdict(rounds: rounds, firstInjectionMs: 5_000, lastRevertMs: 8_000)
        #expect(verdict.heldBefore == false)
        #expect(verdict.failedBefore == ["health"])
        #expect(!verdict.held)
    }

    @Test func neverReestablished() {
        let rounds = [Round(atMs: 0, failed: []), Round(atMs: 10_000, failed: ["health"])]
        let verdict = SteadyStateVerdict(rounds: rounds, firstInjectionMs: 5_000, lastRevertMs: 8_000)
        #expect(verdict.reestablishedAtMs == nil)
        #expect(!verdict.held)
    }
}
