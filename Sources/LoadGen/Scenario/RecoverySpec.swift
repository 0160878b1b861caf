/// `recovery:`: how a disaster-recovery drill measures RTO and RPO. A canary writer posts feedback with sequence
/// numbers through the whole run and records each acknowledgement; after a `disaster` action, probes (readiness
/// plus one detection) run until `consecutive` succeed in a row; at the end the canary's messages are read back
/// to find which acknowledged writes the restore lost.
public struct RecoverySpec: Sendable, Equatable {
    /// Canary writes per second.
    public var canaryRate: Double
    /// For a url target: the environment variable holding the admin token that reads the canary back
    /// (`GET /v1/feedback?email=`). Nil on a bundled target, whose token loadgen made.
    public var tokenEnvironmentVariable: String?
    /// Time between probe starts.
    public var probeEvery: Duration
    /// Successful probes in a row that count as recovered (the RTO ends at the first of them).
    public var consecutive: Int
    /// One probe's time limit (each of its two requests).
    public var probeTimeout: Duration

    public init(
        canaryRate: Double = 5, tokenEnvironmentVariable: String? = nil, probeEvery: Duration = .milliseconds(250),
        consecutive: Int = 3,
        probeTimeout: Duration = .seconds(2)
    ) {
        self.canaryRate = canaryRate
        self.tokenEnvironmentVariable = tokenEnvironmentVariable
        self.probeEvery = probeEvery
        self.consecutive = consecutive
        self.probeTimeout = probeTimeout
    }
}
