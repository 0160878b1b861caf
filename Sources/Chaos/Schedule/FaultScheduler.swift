import Foundation
import Synchronization

/// Runs a scenario's `chaos:` timeline: injects each step's fault at its `at`, reverts it when its `for` ends (its
/// TTL), keeps at most `maxConcurrentFaults` active, and reverts everything on `revertAll(reason:)` or when the
/// task running `run()` is cancelled. Every active fault is in the state file from just before its injection until
/// its revert, so `loadgen chaos reset` can undo it if this process dies. Time comes from `clock`, so tests drive
/// the timeline with a manual clock.
public final class FaultScheduler<C: Clock>: Sendable where C.Duration == Duration {
    /// What faults act on; each step gets a copy with its own target, duration and expiry.
    public struct Targets: Sendable {
        public var proxy: (any ToxicControl)?
        public var replicas: (any ReplicaControl)?
        public var targetPort: Int?

        public init(proxy: (any ToxicControl)? = nil, replicas: (any ReplicaControl)? = nil, targetPort: Int? = nil) {
            self.proxy = proxy
            self.replicas = replicas
            self.targetPort = targetPort
        }
    }

    let steps: [FaultStep]
    let clock: C
    let maxConcurrentFaults: Int?
    let targets: Targets
    let stateFile: ChaosStateFile?
    let wallClock: @Sendable () -> Double
    let onEvent: @Sendable (FaultEvent) -> Void
    let state = Mutex(State())

    struct Active: Sendable {
        var step: Int
        var undo: FaultUndo
        var stateEntry: String?
        var injectedAt: C.Instant
    }

    struct State: Sendable {
        var start: C.Instant?
        var active: [Int: Active] = [:]
        /// Steps between "admitted" and "injected", counted against the limit too.
        var injecting = 0
        /// Set by `revertAll`: nothing new is injected afterwards.
        var stopped: String?
        /// `revertAll` calls waiting for the injections in progress to finish.
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// - Parameters:
    ///   - maxConcurrentFaults: steps that would exceed it are skipped (an event says so); nil means no limit.
    ///   - stateFile: nil only in tests that do not need crash recovery.
    ///   - wallClock: seconds since 1970, for the records' expiry and the events.
    ///   - onEvent: called for every injection and revert, from the step's task; keep it quick.
    public init(
        steps: [FaultStep], clock: C, maxConcurrentFaults: Int? = nil, targets: Targets, stateFile: ChaosStateFile?,
        wallClock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 },
        onEvent: @escaping @Sendable (FaultEvent) -> Void
    ) {
        self.steps = steps
        self.clock = clock
        self.maxConcurrentFaults = maxConcurrentFaults
        self.targets = targets
        self.stateFile = stateFile
        self.wallClock = wallClock
        self.onEvent = onEvent
    }

    /// Runs the whole timeline and returns when every step has been injected and reverted. Cancelling the calling
    /// task reverts what is active (reason "cancelled") and injects nothing more.
    public func run() async {
        let start = clock.now
        state.withLock { $0.start = start }
        await withTaskGroup(of: Void.self) { group in
            for index in steps.indices {
                group.addTask { await self.runStep(index, start: start) }
            }
        }
        // After a cancellation, steps left their faults active for this to revert; otherwise nothing is left.
        await revertAll(reason: Task.isCancelled ? "cancelled" : "the chaos timeline ended")
    }

    /// Reverts every active fault and injects nothing more (abort condition, Ctrl-C, SIGTERM, end of run). An
    /// injection in progress is waited for and then reverted too, so nothing is active when this returns.
    public func revertAll(reason: String) async {
        state.withLock { state in
            if state.stopped == nil { state.stopped = reason }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let idle = state.withLock { state in
                if state.injecting == 0 { return true }
                state.waiters.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
        let taken = state.withLock { state in
            defer { state.active.removeAll() }
            return state.active.values.sorted { $0.step > $1.step }
        }
        for active in taken { await revert(active, reason: .stopped(reason)) }
    }

    /// The steps whose fault is active now.
    public var activeSteps: [Int] { state.withLock { $0.active.keys.sorted() } }

    private func runStep(_ index: Int, start: C.Instant) async {
        let step = steps[index]
        do {
            try await clock.sleep(until: start.advanced(by: step.at), tolerance: nil)
        } catch {
            return
        }
        guard admit(index) else { return }
        let injected = await inject(index)
        // Listed as active and no longer injecting in one step, so `revertAll` (which waits for injections to end)
        // always finds it.
        let (stopped, waiters) = state.withLock { state in
            if let injected { state.active[index] = injected }
            state.injecting -= 1
            var waiters: [CheckedContinuation<Void, Never>] = []
            if state.injecting == 0 { swap(&waiters, &state.waiters) }
            return (state.stopped != nil, waiters)
        }
        for waiter in waiters { waiter.resume() }
        // Once stopped, `revertAll` reverts it.
        guard injected != nil, !stopped else { return }
        // Cancellation ends the wait early; `run` then reverts through `revertAll`.
        try? await clock.sleep(until: start.advanced(by: step.at + step.duration), tolerance: nil)
        if Task.isCancelled { return }
        if let taken = take(index) { await revert(taken, reason: .ttl) }
    }

    /// Takes step `index`'s active fault, so exactly one of the TTL and `revertAll` reverts it.
    private func take(_ index: Int) -> Active? {
        state.withLock { $0.active.removeValue(forKey: index) }
    }

    /// Counts the step against `maxConcurrentFaults`, or emits a skip event.
    private func admit(_ index: Int) -> Bool {
        let refusal: String? = state.withLock { state in
            if let reason = state.stopped { return "not injected: the faults were stopped (\(reason))" }
            let busy = state.active.count + state.injecting
            if let limit = maxConcurrentFaults, busy >= limit {
                return "not injected: \(busy) fault\(busy == 1 ? " is" : "s are") active and max_concurrent_faults is \(limit)"
            }
            state.injecting += 1
            return nil
        }
        if let refusal { emit(.inject, .skipped, step: index, took: .zero, detail: refusal) }
        return refusal == nil
    }
}
