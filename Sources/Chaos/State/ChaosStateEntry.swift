/// One active fault in the state file: its record and which process injected it (pid plus start time, so a
/// recycled pid does not make a dead run look alive).
public struct ChaosStateEntry: Codable, Sendable, Equatable {
    /// Unique per injection, so the injecting process removes exactly its own entry.
    public var id: String
    public var ownerPID: Int32
    public var ownerStartTime: UInt64?
    /// Wall-clock seconds since 1970 at injection.
    public var injectedAt: Double
    public var record: FaultRecord

    public init(id: String, ownerPID: Int32, ownerStartTime: UInt64?, injectedAt: Double, record: FaultRecord) {
        self.id = id
        self.ownerPID = ownerPID
        self.ownerStartTime = ownerStartTime
        self.injectedAt = injectedAt
        self.record = record
    }

    /// True while the process that injected the fault still runs (and so still owns its revert).
    public var ownerIsAlive: Bool {
        guard let ownerStartTime else { return ProcessIdentity.of(ownerPID) != nil }
        return ProcessIdentity(pid: ownerPID, startTime: ownerStartTime).isAlive
    }

    enum CodingKeys: String, CodingKey {
        case id
        case ownerPID = "owner_pid"
        case ownerStartTime = "owner_start_time"
        case injectedAt = "injected_at"
        case record
    }
}
