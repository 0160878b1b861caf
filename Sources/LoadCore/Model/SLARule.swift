/// Thresholds that apply to one phase (or every phase with `*`), optionally to one request name.
public struct SLARule: Sendable, Equatable {
    /// A phase name, or `*` for each phase.
    public var phase: String
    /// A request name, or nil for all requests of the phase together.
    public var request: String?
    public var thresholds: [Threshold]
    /// Stop the run as soon as this rule fails (checked each second once `grace` has passed in the phase).
    public var abortOnFail: Bool
    public var grace: Duration
    /// `version_consistency: true`: every response's `X-Model-Version` was the active version when it was sent or
    /// finished (see `VersionConsistency`). Judged at the end of the run, not by `abort_on_fail`.
    public var versionConsistency: Bool
    /// `rto:`: the disaster-recovery drill's RTO must be at most this (judged once per run, see `RecoveryMeasurement`).
    public var rto: Duration?
    /// `rpo:`: acknowledged data lost by the restore, as time, must be at most this.
    public var rpo: Duration?
    /// `rpo_writes:`: acknowledged canary writes lost by the restore must be at most this many.
    public var rpoWrites: Int?
    /// `recovery:`: after each chaos fault reverted in this rule's phase(s), the per-second SLA must hold again
    /// within this (see `FaultRecoveryTimer`).
    public var recovery: Duration?
    /// `steady_state: true`: the chaos experiment's steady-state probes passed before the first fault and were
    /// re-established after the last.
    public var steadyState: Bool

    public init(
        phase: String = "*", request: String? = nil, thresholds: [Threshold], abortOnFail: Bool = false,
        grace: Duration = .seconds(5),
        versionConsistency: Bool = false, rto: Duration? = nil, rpo: Duration? = nil, rpoWrites: Int? = nil,
        recovery: Duration? = nil,
        steadyState: Bool = false
    ) {
        self.phase = phase
        self.request = request
        self.thresholds = thresholds
        self.abortOnFail = abortOnFail
        self.grace = grace
        self.versionConsistency = versionConsistency
        self.rto = rto
        self.rpo = rpo
        self.rpoWrites = rpoWrites
        self.recovery = recovery
        self.steadyState = steadyState
    }
}

/// One limit of an SLA rule.
public enum Threshold: Sendable, Equatable {
    /// The corrected latency at `percentile`, with every failed request counted as slower than every success
    /// (`JudgedLatency`), must be at most `limit`.
    case latency(percentile: LatencyPercentile, limit: Duration)
    /// Share of requests with a transport or status error (incl. dropped) must be at most this fraction (0...1).
    case errorRate(Double)
    /// Share of responses passing every check must be at least this fraction (0...1).
    case checkRate(Double)
    /// Completed requests per second over the phase must be at least this.
    case minThroughput(Rate)
    /// Dropped requests (open model could not send on time) must be at most this count.
    case maxDropped(Int)

    /// The scenario key that introduces this threshold (`p99`, `error_rate`, ...).
    public var key: String {
        switch self {
        case .latency(let p, _): p.key
        case .errorRate: "error_rate"
        case .checkRate: "check_rate"
        case .minThroughput: "min_throughput"
        case .maxDropped: "max_dropped"
        }
    }
}

/// The latency percentiles an SLA can bound.
public enum LatencyPercentile: String, Sendable, Equatable, CaseIterable {
    case p50, p90, p95, p99, p999 = "p99.9", max

    public var key: String { rawValue }

    /// Percentile in 0...100 (100 for max).
    public var value: Double {
        switch self {
        case .p50: 50
        case .p90: 90
        case .p95: 95
        case .p99: 99
        case .p999: 99.9
        case .max: 100
        }
    }
}
