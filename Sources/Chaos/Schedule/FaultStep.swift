/// One `chaos:` step: inject `fault` at `at` (since the run's start) and revert it `duration` later (its TTL).
public struct FaultStep: Sendable {
    public var at: Duration
    public var duration: Duration
    public var fault: any Fault
    /// The step's `target:` as written (`replica-2`, `all`), nil when it named none.
    public var targetSelector: String?
    /// Where the step came from (`chaos[2]`), for events and errors.
    public var label: String

    public init(at: Duration, duration: Duration, fault: any Fault, targetSelector: String? = nil, label: String) {
        self.at = at
        self.duration = duration
        self.fault = fault
        self.targetSelector = targetSelector
        self.label = label
    }

    public var faultName: String { type(of: fault).name }
}
