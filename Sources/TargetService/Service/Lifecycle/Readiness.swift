import Synchronization

/// Whether the service should get traffic: not while its models load, not once it has begun to drain.
/// Liveness (`/healthz`) is separate: a loading or draining process is still alive.
public final class Readiness: Sendable {
    /// The phases of a service's life, in order.
    public enum State: String, Sendable {
        case loading
        case ready
        case draining
    }

    private let state = Mutex((current: State.loading, waiters: [CheckedContinuation<Void, Never>]()))

    public init() {}

    public var current: State { state.withLock { $0.current } }

    /// Loading finished; has no effect once draining began.
    public func markReady() {
        change { if $0 == .loading { $0 = .ready } }
    }

    public func markDraining() {
        change { $0 = .draining }
    }

    /// Returns once loading is over: ready, or draining because the service stops before it got ready.
    public func waitUntilLoaded() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let loaded = state.withLock { state in
                if state.current != .loading { return true }
                state.waiters.append(continuation)
                return false
            }
            if loaded { continuation.resume() }
        }
    }

    private func change(_ body: (inout State) -> Void) {
        let waiters = state.withLock { state in
            body(&state.current)
            guard state.current != .loading else { return [CheckedContinuation<Void, Never>]() }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
