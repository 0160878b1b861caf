import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns Ctrl-C (SIGINT) and SIGTERM into an event the runner can observe, so loadgen stops its load and its
/// bundled replicas, keeps what it measured, and exits 130 instead of dying mid-write.
///
/// Only the first signal counts; later ones are ignored, because stopping is already bounded by its own timeouts.
/// Watchers nest: `loadgen ab` and `loadgen suite` watch for the whole session while each run watches for itself,
/// and every watcher installed at the time a signal arrives gets it (see `SignalPipe`).
public final class InterruptSignals: Sendable {
    /// The exit code for a run ended by the user (128 + SIGINT, as shells report Ctrl-C).
    public static let exitCode: Int32 = 130

    private struct State {
        var signal: Int32?
        var handlers: [@Sendable () -> Void] = []
        var waiters: [Int: CheckedContinuation<Int32?, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())
    private let watched: [Int32]
    // The pipe's subscriptions, taken once on install and given back once on uninstall.
    private let subscriptions = Mutex<[Int]?>(nil)

    private init(watched: [Int32]) {
        self.watched = watched
    }

    deinit { uninstall() }

    /// Starts watching `signals`: while this watcher (or another) is installed, they no longer terminate the
    /// process but are recorded here.
    public static func install(signals: [Int32] = [SIGINT, SIGTERM]) -> InterruptSignals {
        let interrupts = InterruptSignals(watched: signals)
        let ids = signals.map { number in
            SignalPipe.shared.subscribe(number) { [weak interrupts] number in interrupts?.receive(number) }
        }
        interrupts.subscriptions.withLock { $0 = ids }
        return interrupts
    }

    /// True once a watched signal arrived.
    public var isInterrupted: Bool { signal != nil }

    /// The first watched signal that arrived, if any.
    public var signal: Int32? { state.withLock { $0.signal } }

    /// Runs `body` once when the first signal arrives, or now if one already has.
    public func onInterrupt(_ body: @escaping @Sendable () -> Void) {
        let alreadyInterrupted = state.withLock { state in
            if state.signal != nil { return true }
            state.handlers.append(body)
            return false
        }
        if alreadyInterrupted { body() }
    }

    /// Suspends until a signal arrives and returns it; returns nil if the waiting task is cancelled first.
    public func wait() async -> Int32? {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow: Int32?? = state.withLock { state in
                    if let signal = state.signal { return .some(signal) }
                    if Task.isCancelled { return .some(nil) }
                    state.waiters[id] = continuation
                    return .none
                }
                if let resumeNow { continuation.resume(returning: resumeNow) }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: nil)
        }
    }

    /// Stops watching; once no watcher is left, the signals have their default action again. Calling it twice is
    /// harmless.
    public func uninstall() {
        guard let ids = subscriptions.withLock({ $0.take() }) else { return }
        for (number, id) in zip(watched, ids) { SignalPipe.shared.unsubscribe(number, id: id) }
    }

    /// Records a signal as if it had arrived; the signal pipe calls it, and tests do.
    func receive(_ number: Int32) {
        let (handlers, waiters) = state.withLock { state -> ([@Sendable () -> Void], [CheckedContinuation<Int32?, Never>]) in
            guard state.signal == nil else { return ([], []) }
            state.signal = number
            defer { state.handlers = []; state.waiters = [:] }
            return (state.handlers, Array(state.waiters.values))
        }
        for handler in handlers { handler() }
        for waiter in waiters { waiter.resume(returning: number) }
    }
}
