/// Something the scheduler did with a fault, for the results store and the report's timeline.
public struct FaultEvent: Sendable, Equatable {
    public enum Action: String, Sendable {
        case inject
        case revert
    }

    public enum Outcome: String, Sendable {
        case ok
        case failed
        /// This machine cannot do it (not root, no proxy, ...); `detail` says why.
        case unsupported
        /// Not injected on purpose: `max_concurrent_faults` was reached.
        case skipped
    }

    /// Why a revert happened.
    public enum RevertReason: Sendable, Equatable {
        /// The step's `for:` ran out.
        case ttl
        /// `revertAll(reason:)`: an abort condition, Ctrl-C, SIGTERM, the run's end.
        case stopped(String)
    }

    public var action: Action
    public var outcome: Outcome
    /// Index of the step in the scenario's `chaos:` list.
    public var step: Int
    public var label: String
    public var fault: String
    public var target: String?
    /// When it happened, since the scheduler started (on its clock).
    public var at: Duration
    /// Wall-clock seconds since 1970.
    public var wallTime: Double
    /// How long the injection or revert itself took.
    public var took: Duration
    /// For reverts: how long the fault was active.
    public var activeFor: Duration?
    public var revertReason: RevertReason?
    /// The error message, the skip reason, or what was done (e.g. the toxic's name).
    public var detail: String
}
