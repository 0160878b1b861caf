import Synchronization

/// The model set currently served, swapped as a whole so a request never sees half of a change.
/// Nil until the first set has loaded (readiness reports 503 meanwhile).
public final class ActiveModels: Sendable {
    private let state = Mutex<ModelSet?>(nil)

    public init(_ initial: ModelSet? = nil) {
        state.withLock { $0 = initial }
    }

    public var current: ModelSet? {
        state.withLock { $0 }
    }

    /// Installs `set` atomically; requests already running keep the set they started with.
    public func install(_ set: ModelSet) {
        state.withLock { $0 = set }
    }
}
