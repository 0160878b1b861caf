import Foundation
import Synchronization
import Testing

@testable import TargetService

/// The pool's and the connection's overload rules on their own: the queue that shrinks while requests are shed, the
/// job skipped when its client left, the worker CPU count, the held repeated sheds and when the 102 probe is due.
@Suite struct OverloadPolicyTests {
    @Test func theQueueShrinksWhileShedding_andGrowsBackAfterAQuietSpell() async throws {
        let pool = DetectionWorkerPool(workers: 1, queueDepth: 3, overloadQueueDepth: 1, overloadMemory: .milliseconds(300))
        let gate = Gate()
        defer { gate.open(4) }
        let blockers = (0..<4).map { _ in Task { try await pool.run { gate.wait() } } }
        try await waitUntil("four jobs admitted", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 4
        }
        // Full: the fifth is refused, and from now on only one job may wait.
        await #expect(throws: WorkerPoolError.overloaded) { try await pool.run { 0 } }
        gate.open(2)
        try await waitUntil("two jobs finished", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 2
        }
        // One running, one waiting: the full queue would take two more, the overload queue none.
        #expect(!pool.hasCapacity)
        await #expect(throws: WorkerPoolError.overloaded) { try await pool.run { 0 } }
        // A quiet spell longer than the memory: the full queue is back.
        try await Task.sleep(for: .milliseconds(400))
        #expect(pool.hasCapacity)
        let admitted = Task { try await pool.run { 7 } }
        gate.open(2)
        #expect(try await admitted.value == 7)
        for blocker in blockers { try await blocker.value }
        await pool.shutdown()
    }

    @Test func aJobWhoseRequesterLeftIsNotRun() async throws {
        let pool = DetectionWorkerPool(workers: 1, queueDepth: 1)
        let ran = SharedFlag()
        await #expect(throws: WorkerPoolError.abandoned) {
            try await pool.run(isAbandoned: { true }) { ran.set() }
        }
        #expect(!ran.isSet)
        #expect(try await pool.run(isAbandoned: { false }) { 3 } == 3)
        await pool.shutdown()
    }

    @Test func workerCPUTimeCountsTheJobsComputation() async throws {
        let pool = DetectionWorkerPool(workers: 1, queueDepth: 0)
        #expect(pool.workerCPUTime == .zero)
        _ = try await pool.run { Self.spin(for: .milliseconds(60)) }
        // CPU time, not wall time: a sleep would not count, a spin does (less any time the thread was preempted).
        #expect(pool.workerCPUTime > .milliseconds(5))
        #expect(pool.workerCPUTime < .seconds(5))
        let afterSpin = pool.workerCPUTime
        _ = try await pool.run { Thread.sleep(forTimeInterval: 0.1) }
        #expect(pool.workerCPUTime - afterSpin < .milliseconds(50))
        await pool.shutdown()
    }

    @Test func repeatedShedsOfAConnectionAreHeldLongerEachTime() {
        let pacing = ShedPacing(maximum: .seconds(1), minimum: .milliseconds(10))
        #expect(pacing.hold(consecutiveSheds: 1, estimatedWait: .milliseconds(80)) == .zero)
        #expect(pacing.hold(consecutiveSheds: 2, estimatedWait: .milliseconds(80)) == .milliseconds(80))
        #expect(pacing.hold(consecutiveSheds: 3, estimatedWait: .milliseconds(80)) == .milliseconds(160))
        #expect(pacing.hold(consecutiveSheds: 5, estimatedWait: .milliseconds(80)) == .milliseconds(640))
        #expect(pacing.hold(consecutiveSheds: 6, estimatedWait: .milliseconds(80)) == .seconds(1))
        #expect(pacing.hold(consecutiveSheds: 10_000, estimatedWait: .milliseconds(80)) == .seconds(1))
        // No job time yet: the minimum.
        #expect(pacing.hold(consecutiveSheds: 2, estimatedWait: .zero) == .milliseconds(10))
        #expect(ShedPacing.off.hold(consecutiveSheds: 9, estimatedWait: .seconds(3)) == .zero)
    }

    @Test func theRunOfShedsEndsWhenARequestIsAdmitted() {
        let client = ClientConnection()
        #expect(client.recordShed() == 1)
        #expect(client.recordShed() == 2)
        client.recordAdmitted()
        #expect(client.recordShed() == 1)
    }

    @Test func theProbeGoesOutOncePerWaitingRequest_afterTheFINWhicheverCameFirst() {
        let probes = SharedCounter()
        let client = ClientConnection()
        client.setProbe { probes.increment() }
        // FIN with nothing waiting: no probe (the connection may simply be done).
        #expect(!client.markInputClosed())
        // A request then starts waiting: the probe goes out at once, once.
        client.beginWaiting()
        #expect(probes.value == 1)
        #expect(!client.markInputClosed())
        client.endWaiting()

        let other = ClientConnection()
        other.setProbe { probes.increment() }
        other.beginWaiting()
        // Waiting first, then the FIN: the handler sends it.
        #expect(other.markInputClosed())
        #expect(!other.markInputClosed())
        other.markDeparted()
        #expect(other.hasDeparted)
    }

    /// Burns CPU on the calling thread for about `duration` of wall time.
    private static func spin(for duration: Duration) {
        let end = ContinuousClock.now + duration
        var x = 0.0
        while ContinuousClock.now < end { x += sin(x) + 1 }
        _ = x
    }
}

private final class SharedFlag: Sendable {
    private let flag = Mutex(false)
    func set() { flag.withLock { $0 = true } }
    var isSet: Bool { flag.withLock { $0 } }
}

private final class SharedCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
