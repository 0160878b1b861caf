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

    /// Serves `model` in place of the one with its name (or beside the others, for a new name), atomically;
    /// returns the model it replaced. Requests that already captured the old set finish on the old version.
    @discardableResult
    public func replace(_ model: LoadedModel) -> LoadedModel? {
        state.withLock { state in
            guard let set = state else {
                state = ModelSet(defaultModel: model.spec.name, models: [model])
                return nil
            }
            let previous = set.models[model.spec.name]
            state = set.replacing(model)
            return previous
        }
    }
}
