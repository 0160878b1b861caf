import Foundation
import Synchronization
import Testing

@testable import TargetService

/// The pool's and the connection's overload rules on their own: the queue that shrinks while requests are shed, the
/// job skipped when its client left, the worker CPU count, the held repeated sheds and when the 102 probe is due.
@Suite struct OverloadPolicyTests {
    @Test func refusalsAreSustainedOnlyWhenEnoughFallWithinTheWindow() {
        let start = ContinuousClock.now
        var refusals = SustainedRefusals(threshold: 4, window: .seconds(1))
        // A shed or two near capacity: not sustained.
        refusals.record(at: start)
        refusals.record(at: start + .milliseconds(100))
        #expect(!refusals.isSustained(at: start + .milliseconds(200)))
        // Four within a second: sustained, and for as long as the oldest of the last four is within the window.
        refusals.record(at: start + .milliseconds(300))
        refusals.record(at: start + .milliseconds(400))
        #expect(refusals.isSustained(at: start + .milliseconds(500)))
        #expect(refusals.isSustained(at: start + .milliseconds(999)))
        #expect(!refusals.isSustained(at: start + .milliseconds(1001)))
        // Spread out, four refusals are not a storm.
        var spread = SustainedRefusals(threshold: 4, window: .seconds(1))
        for index in 0..<8 { spread.record(at: start + .milliseconds(400 * index)) }
        #expect(!spread.isSustained(at: start + .milliseconds(2900)))
    }

    @Test func underSustainedRefusalsThePoolAdmitsOnlyTheOverloadQueue() async throws {
        // A window far longer than the test, so a loaded machine cannot let it lapse between the steps.
        let pool = DetectionWorkerPool(workers: 1, queueDepth: 2, overloadQueueDepth: 0, overloadMemory: .seconds(600))
        let gate = Gate()
        defer { gate.open(4) }
        let blockers = (0..<3).map { _ in Task { try await pool.run { gate.wait() } } }
        try await waitUntil("three jobs admitted", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 3
        }
        // One refusal is not sustained: once a slot frees, the full queue takes a job again.
        await #expect(throws: WorkerPoolError.overloaded) { try await pool.run { 0 } }
        gate.open(1)
        try await waitUntil("one job finished", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 2
        }
        #expect(pool.hasCapacity)
        // A second refusal (the queue's depth, 2) makes it sustained: one job running, none may wait.
        let third = Task { try await pool.run { gate.wait() } }
        try await waitUntil("the queue full again", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 3
        }
        await #expect(throws: WorkerPoolError.overloaded) { try await pool.run { 0 } }
        gate.open(2)
        try await waitUntil("two jobs finished", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 1
        }
        #expect(!pool.hasCapacity, "one job running and refusals sustained: the overload queue (0) is full")
        gate.open(1)
        for blocker in blockers { try await blocker.value }
        try await third.value
        await pool.shutdown()
    }

    @Test func fullnessIsTheDecayedShareOfTimeSpentFull() {
        let start = ContinuousClock.now
        var fullness = RecentFullness(window: .seconds(1))
        #expect(fullness.share(at: start) == 0)
        fullness.record(full: true, at: start)
        // Full for one time constant: 1 − 1/e; for three: 1 − 1/e³.
        #expect(abs(fullness.share(at: start + .seconds(1)) - (1 - exp(-1))) < 1e-9)
        #expect(abs(fullness.share(at: start + .seconds(3)) - (1 - exp(-3))) < 1e-9)
        // A burst that fills the pool for a tenth of the window stays far below half.
        var burst = RecentFullness(window: .seconds(1))
        burst.record(full: true, at: start)
        burst.record(full: false, at: start + .milliseconds(100))
        #expect(burst.share(at: start + .milliseconds(100)) < 0.1)
        // Once the pool is no longer full, the share decays: after a window, by a factor e.
        fullness.record(full: false, at: start + .seconds(3))
        let afterFull = fullness.share(at: start + .seconds(3))
        #expect(abs(fullness.share(at: start + .seconds(4)) - afterFull * exp(-1)) < 1e-9)
    }

    @Test func aPoolKeptFullShortensItsQueueWithoutAnyRefusal() async throws {
        // Closed-loop clients whose repeated 503s are held refuse rarely but keep the queue full. A short window
        // lets the pool count as full soon; nothing here is refused until the check at the end.
        let pool = DetectionWorkerPool(workers: 1, queueDepth: 2, overloadQueueDepth: 0, overloadMemory: .milliseconds(50))
        let gate = Gate()
        defer { gate.open(3) }
        let blockers = (0..<3).map { _ in Task { try await pool.run { gate.wait() } } }
        try await waitUntil("three jobs admitted", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 3
        }
        // Full for many windows: a slot freeing up does not open the long queue again.
        try await Task.sleep(for: .milliseconds(500))
        gate.open(1)
        try await waitUntil("one job finished", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 2
        }
        #expect(!pool.hasCapacity, "kept full: only the overload queue (0) is admitted")
        gate.open(2)
        for blocker in blockers { try await blocker.value }
        await pool.shutdown()
    }

    @Test func aPoolFullForAMomentKeepsItsQueue() async throws {
        // A window far longer than the test: however slow the machine, the moment stays a sliver of it.
        let pool = DetectionWorkerPool(workers: 1, queueDepth: 2, overloadQueueDepth: 0, overloadMemory: .seconds(600))
        let gate = Gate()
        defer { gate.open(3) }
        let blockers = (0..<3).map { _ in Task { try await pool.run { gate.wait() } } }
        try await waitUntil("three jobs admitted", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 3
        }
        gate.open(1)
        try await waitUntil("one job finished", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 2
        }
        #expect(pool.hasCapacity, "full for a moment: the long queue takes a job again")
        gate.open(2)
        for blocker in blockers { try await blocker.value }
        await pool.shutdown()
    }

    @Test func theExpectedWaitIsTheSoonestEndPlusTheJobsAhead() {
        let now = ContinuousClock.now
        let job = Duration.milliseconds(40)
        var occupancy = PoolOccupancy()
        // A free worker: no wait.
        occupancy.load.admitted = 1
        occupancy.started(at: now - .milliseconds(30))
        #expect(occupancy.expectedWait(workers: 2, averageJob: job, at: now) == .zero)
        // Both busy, one 30 ms in, one 5 ms in: the first should end in 10 ms.
        occupancy.load.admitted = 2
        occupancy.started(at: now - .milliseconds(5))
        #expect(occupancy.expectedWait(workers: 2, averageJob: job, at: now) == .milliseconds(10))
        // One job already waiting: half a job more (two workers share it).
        occupancy.load.admitted = 3
        #expect(occupancy.expectedWait(workers: 2, averageJob: job, at: now) == .milliseconds(30))
        // A job past the average counts as ending now; when it ends, the later one is the soonest.
        occupancy.load.admitted = 2
        #expect(occupancy.expectedWait(workers: 2, averageJob: job, at: now + .milliseconds(15)) == .zero)
        occupancy.finished(startedAt: now - .milliseconds(30))
        occupancy.started(at: now)
        #expect(occupancy.expectedWait(workers: 2, averageJob: job, at: now) == .milliseconds(35))
        // Admitted but not started yet counts as just started.
        var unstarted = PoolOccupancy()
        unstarted.load.admitted = 1
        #expect(unstarted.expectedWait(workers: 1, averageJob: job, at: now) == job)
    }

    @Test func underSustainedOverloadAJobMayWaitOnlyForAWorkerAboutToFinish() async throws {
        // One worker, a queue of 2 that shrinks to 1 under overload. A long window keeps the overload sustained.
        let pool = DetectionWorkerPool(workers: 1, queueDepth: 2, overloadQueueDepth: 1, overloadMemory: .seconds(600))
        // A job time for the pool to go by: 1 s, long enough that "just begun" is far from "about to finish" even
        // on a loaded machine.
        _ = try await pool.run { Thread.sleep(forTimeInterval: 1) }
        let gate = Gate()
        defer { gate.open(3) }
        let running = Task { try await pool.run { gate.wait() } }
        try await waitUntil("the job running", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.running == 1
        }
        // Two refusals make the overload sustained (the queue still has room for both in normal times).
        #expect(pool.hasCapacity, "the long queue before the overload")
        let queued = Task { try await pool.run { gate.wait() } }
        let queuedToo = Task { try await pool.run { gate.wait() } }
        try await waitUntil("the queue full", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 3
        }
        await #expect(throws: WorkerPoolError.overloaded) { try await pool.run { 0 } }
        await #expect(throws: WorkerPoolError.overloaded) { try await pool.run { 0 } }
        // Sustained: once the queue drains to the short length, a job may wait only if the running one should end
        // within half a job. The running job has only just started: refused, though the short queue has room.
        gate.open(2)
        try await waitUntil("the queue drained", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 1
        }
        gate.open(1)
        try await running.value
        try await queued.value
        try await queuedToo.value
        let fresh = Task { try await pool.run { gate.wait() } }
        try await waitUntil("a new job running", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.running == 1
        }
        #expect(!pool.hasCapacity, "the worker has just begun a job: waiting for it would take a whole job")
        // Past the average job time (at most the 1 s job and the short ones since, averaged) the worker should be
        // about to finish: a job may wait for it.
        try await Task.sleep(for: .milliseconds(2500))
        #expect(pool.hasCapacity, "the running job is due to end: the short queue takes a job")
        gate.open(1)
        try await fresh.value
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
