/// How to revert one injected fault: a closure for the live process, and a record of plain values for the state
/// file, from which `Fault.revertLeftover` can do the same after a crash.
public struct FaultUndo: Sendable {
    public var record: FaultRecord
    public var revert: @Sendable () async throws(FaultError) -> Void

    public init(record: FaultRecord, revert: @escaping @Sendable () async throws(FaultError) -> Void) {
        self.record = record
        self.revert = revert
    }
}

/// What the state file keeps per active fault: which fault, what it touched (pid, path, table name, ...) and until
/// when it may live, so a later `loadgen chaos reset` knows what to undo.
public struct FaultRecord: Codable, Sendable, Equatable {
    /// `Fault.name` of the kind that wrote it; reset dispatches on it.
    public var fault: String
    /// Plain values the fault needs to revert itself, e.g. `["pid": "123", "start_time": "456"]`.
    public var values: [String: String]
    /// Wall-clock seconds since 1970 after which the fault must not be active any more (its TTL).
    public var expiresAt: Double

    public init(fault: String, values: [String: String] = [:], expiresAt: Double) {
        self.fault = fault
        self.values = values
        self.expiresAt = expiresAt
    }
}
