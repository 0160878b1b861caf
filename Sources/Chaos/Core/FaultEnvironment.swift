import Foundation

/// What a fault can act on during one run: the fault proxy in front of the target (network faults), the bundled
/// replicas (server faults), their data directories (disk faults) and the target's port (kernel faults). A fault
/// whose part is missing throws `unsupported` saying what the scenario needs (e.g. a bundled target).
public struct FaultEnvironment: Sendable {
    /// The proxy the load goes through, when the run started one.
    public var proxy: (any ToxicControl)?
    /// The bundled replicas, when loadgen started them.
    public var replicas: (any ReplicaControl)?
    /// The step's `target:` as written (e.g. `replica-2`, `all`), nil when the step named none.
    public var targetSelector: String?
    /// The TCP port load is sent to (kernel faults match on it).
    public var targetPort: Int?
    /// How long the step lasts (`for:`); faults with their own timing (freeze) use it.
    public var duration: Duration
    /// Wall-clock seconds since 1970 at which the step's TTL ends; copied into each `FaultRecord`.
    public var expiresAt: Double

    public init(
        proxy: (any ToxicControl)? = nil, replicas: (any ReplicaControl)? = nil, targetSelector: String? = nil,
        targetPort: Int? = nil, duration: Duration, expiresAt: Double
    ) {
        self.proxy = proxy
        self.replicas = replicas
        self.targetSelector = targetSelector
        self.targetPort = targetPort
        self.duration = duration
        self.expiresAt = expiresAt
    }
}
