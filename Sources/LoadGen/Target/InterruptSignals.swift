import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The class's `signal` property shadows the C function inside it, so the disposition is set through these.
private func ignore(_ number: Int32) { _ = signal(number, SIG_IGN) }
private func restoreDefaultAction(_ number: Int32) { _ = signal(number, SIG_DFL) }

/// Turns Ctrl-C (SIGINT) and SIGTERM into an event the runner can observe, so loadgen stops its load and its
/// bundled replicas, keeps what it measured, and exits 130 instead of dying mid-write.
///
/// Only the first signal counts; later ones are ignored, because stopping is already bounded by its own timeouts.
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
    // DispatchSource is thread-safe but not marked Sendable; it is only created, then cancelled once.
    private nonisolated(unsafe) let sources: [any DispatchSourceSignal]

    private init(watched: [Int32], sources: [any DispatchSourceSignal]) {
        self.watched = watched
        self.sources = sources
    }

    /// Starts watching `signals`. Their default action (terminate at once) is switched off first, so they reach
    /// the dispatch sources instead of killing the process.
    public static func install(signals: [Int32] = [SIGINT, SIGTERM]) -> InterruptSignals {
        let queue = DispatchQueue(label: "loadgen.interrupt-signals")
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            ignore(number)
            sources.append(DispatchSource.makeSignalSource(signal: number, queue: queue))
        }
        let interrupts = InterruptSignals(watched: signals, sources: sources)
        for (number, source) in zip(signals, sources) {
            source.setEventHandler { [weak interrupts] in interrupts?.receive(number) }
            source.resume()
        }
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

    /// Stops watching and gives the signals their default action back.
    public func uninstall() {
        for source in sources { source.cancel() }
        for number in watched { restoreDefaultAction(number) }
    }

    /// Records a signal as if it had arrived; the dispatch sources call it, and tests do.
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
