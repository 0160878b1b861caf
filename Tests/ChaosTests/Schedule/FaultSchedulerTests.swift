import Chaos
import Foundation
import Synchronization
import Testing

/// The chaos timeline on a manual clock: injection at `at`, revert at `at + for`, the concurrency limit, revert of
/// everything on cancellation, failures reported as events, and the state file kept in step.
struct FaultSchedulerTests {
    final class Events: Sendable {
        let list = Mutex<[FaultEvent]>([])
        var all: [FaultEvent] { list.withLock { $0 } }
        func append(_ event: FaultEvent) { list.withLock { $0.append(event) } }
        func summary() -> [String] { all.map { "\($0.action.rawValue) \($0.label) \($0.outcome.rawValue)" } }
    }

    /// The scheduler's surroundings; its scratch directory goes when the harness does.
    final class Harness {
        let clock = ManualClock()
        let log = RecordingFault.Log()
        let events = Events()
        let scratch: TemporaryDirectory
        let stateFile: ChaosStateFile

        init() throws {
            let scratch = try TemporaryDirectory(prefix: "chaos-test")
            stateFile = ChaosStateFile(url: scratch.url.appendingPathComponent("chaos-state.json"))
            self.scratch = scratch
        }

        func step(_ tag: String, at: Int, for duration: Int, failure: FaultError? = nil) -> FaultStep {
            FaultStep(
                at: .seconds(at), duration: .seconds(duration), fault: RecordingFault(tag: tag, log: log, failure: failure),
                label: tag)
        }

        func scheduler(_ steps: [FaultStep], maxConcurrentFaults: Int? = nil) -> FaultScheduler<ManualClock> {
            let events = events
            return FaultScheduler(
                steps: steps, clock: clock, maxConcurrentFaults: maxConcurrentFaults, targets: .init(), stateFile: stateFile,
                wallClock: { 1_000 }, onEvent: { events.append($0) })
        }

        /// Waits until `count` step tasks sleep on the clock (the timeline is idle until the next advance).
        func idle(sleepers count: Int) async -> Bool { await eventually { clock.sleeperCount == count } }
    }

    @Test func injectsAtItsTimeAndRevertsWhenItsTTLEnds() async throws {
        let harness = try Harness()
        let scheduler = harness.scheduler([harness.step("a", at: 10, for: 5)])
        let run = Task { await scheduler.run() }
        #expect(await harness.idle(sleepers: 1))
        #expect(harness.log.all.isEmpty)
        harness.clock.advance(to: .seconds(10))
        #expect(await eventually { harness.log.all == ["inject a"] })
        #expect(await harness.idle(sleepers: 1))
        let entries = try harness.stateFile.entries()
        #expect(entries.map(\.record) == [FaultRecord(fault: "recording", values: ["tag": "a"], expiresAt: 1_005)])
        #expect(entries.first?.ownerPID == getpid())
        harness.clock.advance(to: .seconds(15))
        await run.value
        #expect(harness.log.all == ["inject a", "revert a"])
        #expect(try harness.stateFile.entries().isEmpty)
        let events = harness.events.all
        #expect(harness.events.summary() == ["inject a ok", "revert a ok"])
        #expect(events[0].at == .seconds(10))
        #expect(events[1].at == .seconds(15) && events[1].activeFor == .seconds(5) && events[1].revertReason == .ttl)
    }

    @Test func stepsBeyondMaxConcurrentFaultsAreSkipped() async throws {
        let harness = try Harness()
        let scheduler = harness.scheduler(
            [harness.step("a", at: 0, for: 10), harness.step("b", at: 5, for: 10), harness.step("c", at: 12, for: 1)],
            maxConcurrentFaults: 1)
        let run = Task { await scheduler.run() }
        #expect(await eventually { harness.log.all == ["inject a"] })
        #expect(await harness.idle(sleepers: 3))
        harness.clock.advance(to: .seconds(5))
        #expect(await eventually { harness.events.all.count == 2 })
        #expect(harness.events.all[1].outcome == .skipped)
        #expect(harness.events.all[1].detail == "not injected: 1 fault is active and max_concurrent_faults is 1")
        #expect(await harness.idle(sleepers: 2))
        harness.clock.advance(to: .seconds(10))
        #expect(await eventually { harness.log.all == ["inject a", "revert a"] })
        #expect(await harness.idle(sleepers: 1))
        harness.clock.advance(to: .seconds(13))
        await run.value
        #expect(harness.log.all == ["inject a", "revert a", "inject c", "revert c"])
        #expect(harness.events.summary() == ["inject a ok", "inject b skipped", "revert a ok", "inject c ok", "revert c ok"])
    }

    @Test func cancellingTheRunRevertsEveryActiveFaultAndInjectsNoMore() async throws {
        let harness = try Harness()
        let scheduler = harness.scheduler([
            harness.step("a", at: 0, for: 60), harness.step("b", at: 1, for: 60), harness.step("c", at: 30, for: 1),
        ])
        let run = Task { await scheduler.run() }
        #expect(await eventually { harness.log.all == ["inject a"] })
        #expect(await harness.idle(sleepers: 3))
        harness.clock.advance(to: .seconds(1))
        #expect(await eventually { harness.log.all.count == 2 })
        #expect(await harness.idle(sleepers: 3))
        #expect(try harness.stateFile.entries().count == 2)
        run.cancel()
        await run.value
        #expect(Set(harness.log.all) == ["inject a", "inject b", "revert a", "revert b"])
        #expect(try harness.stateFile.entries().isEmpty)
        let reverts = harness.events.all.filter { $0.action == .revert }
        #expect(reverts.count == 2)
        #expect(reverts.allSatisfy { $0.revertReason == .stopped("cancelled") })
    }

    @Test func revertAllStopsTheTimelineWithItsReason() async throws {
        let harness = try Harness()
        let scheduler = harness.scheduler([harness.step("a", at: 0, for: 60), harness.step("b", at: 5, for: 1)])
        let run = Task { await scheduler.run() }
        #expect(await eventually { scheduler.activeSteps == [0] })
        await scheduler.revertAll(reason: "error rate above 50% for 5s")
        #expect(harness.log.all == ["inject a", "revert a"])
        #expect(scheduler.activeSteps.isEmpty)
        #expect(await harness.idle(sleepers: 2))
        harness.clock.advance(to: .seconds(60))
        await run.value
        #expect(harness.log.all == ["inject a", "revert a"])
        #expect(harness.events.summary() == ["inject a ok", "revert a ok", "inject b skipped"])
        #expect(harness.events.all[1].revertReason == .stopped("error rate above 50% for 5s"))
    }

    @Test func revertAllWaitsForAnInjectionInProgressAndRevertsItToo() async throws {
        let harness = try Harness()
        let gate = SlowFault.Gate()
        let step = FaultStep(at: .zero, duration: .seconds(60), fault: SlowFault(gate: gate, log: harness.log), label: "slow")
        let scheduler = harness.scheduler([step])
        let run = Task { await scheduler.run() }
        #expect(await eventually { gate.isWaiting })
        let stopping = Task { await scheduler.revertAll(reason: "SIGTERM") }
        // revertAll must not return while the injection is still running.
        #expect(await !eventually(timeout: .milliseconds(200)) { harness.log.all.contains("revert slow") })
        gate.open()
        await stopping.value
        #expect(harness.log.all == ["inject slow", "revert slow"])
        #expect(scheduler.activeSteps.isEmpty)
        #expect(try harness.stateFile.entries().isEmpty)
        await run.value
    }

    @Test func unsupportedAndFailedInjectionsAreEventsAndLeaveNoStateBehind() async throws {
        let harness = try Harness()
        let scheduler = harness.scheduler([
            harness.step("a", at: 0, for: 1, failure: FaultError(.unsupported, "needs root")),
            harness.step("b", at: 0, for: 1, failure: FaultError(.failed, "nft exploded")),
        ])
        await scheduler.run()
        let events = harness.events.all.sorted { $0.step < $1.step }
        #expect(events.map(\.outcome) == [.unsupported, .failed])
        #expect(events.map(\.detail) == ["needs root", "nft exploded"])
        #expect(try harness.stateFile.entries().isEmpty)
    }
}
