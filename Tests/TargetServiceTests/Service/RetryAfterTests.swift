import Foundation
import Testing

@testable import TargetService

/// A shed request's `Retry-After` follows the queue: the admitted work ahead, over the workers, times the recent job time.
@Suite struct RetryAfterTests {
    @Test func wholeSecondsRoundedUpBetweenOneAndSixty() {
        #expect(RetryAfter.seconds(for: .zero) == 1)
        #expect(RetryAfter.seconds(for: .milliseconds(300)) == 1)
        #expect(RetryAfter.seconds(for: .milliseconds(2100)) == 3)
        #expect(RetryAfter.seconds(for: .seconds(600)) == 60)
    }

    @Test func theEstimateGrowsWithTheWorkAdmitted() async throws {
        let pool = DetectionWorkerPool(workers: 1, queueDepth: 4)
        // One job of ~50 ms sets the average job time.
        _ = try await pool.run { Thread.sleep(forTimeInterval: 0.05) }
        let idle = pool.estimatedWait
        #expect(idle >= .milliseconds(50))
        let gate = Gate()
        let blockers = (0..<4).map { _ in Task { try await pool.run { gate.wait() } } }
        defer { gate.open(4) }
        try await waitUntil("four jobs admitted", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 4
        }
        let busy = pool.estimatedWait
        // Four jobs ahead on one worker: five job times instead of one.
        #expect(abs(busy / idle - 5) < 0.001, "idle \(idle), busy \(busy)")
        #expect(RetryAfter.seconds(for: busy) >= RetryAfter.seconds(for: idle))
        gate.open(4)
        for blocker in blockers { try await blocker.value }
        await pool.shutdown()
    }
}
