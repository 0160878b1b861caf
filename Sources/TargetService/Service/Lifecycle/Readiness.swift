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

    private let state = Mutex(State.loading)

    public init() {}

    public var current: State { state.withLock { $0 } }

    /// Loading finished; has no effect once draining began.
    public func markReady() {
        state.withLock { if $0 == .loading { $0 = .ready } }
    }

    public func markDraining() {
        state.withLock { $0 = .draining }
    }
}
