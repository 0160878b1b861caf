/// One kind of fault a scenario's `chaos:` step can inject. Each kind lives in one file under `Faults/` and is
/// listed in `FaultCatalog`, so a scenario's `fault:` key maps to exactly one file (docs/faults.md tells how to
/// add one).
public protocol Fault: Sendable {
    /// The key under `fault:` in a scenario, e.g. `latency`.
    static var name: String { get }
    /// One line for docs and for the error that lists every fault.
    static var summary: String { get }
    /// What the run must provide for this fault (the proxy, bundled replicas, root, ...).
    static var requirements: Set<FaultRequirement> { get }
    /// Builds the fault from the scenario's parameters; a missing or bad one throws saying what to write instead.
    init(parameters: FaultParameters) throws(FaultError)
    /// Applies the fault. The returned undo reverts it; its `record` is written to the state file first, so
    /// `loadgen chaos reset` can revert it after the injecting process died.
    func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo
    /// Reverts what a dead process left behind, from its stored record (`loadgen chaos reset`). Faults that leave
    /// nothing outside the injecting process (an in-process proxy's toxic, a kill) keep the default: nothing to do.
    static func revertLeftover(_ record: FaultRecord) async throws(FaultError)
}

extension Fault {
    /// Faults that need nothing from the run beyond the target keep this default.
    public static var requirements: Set<FaultRequirement> { [] }

    public static func revertLeftover(_ record: FaultRecord) async throws(FaultError) {}
}
