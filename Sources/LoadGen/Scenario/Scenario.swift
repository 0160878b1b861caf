import Foundation

/// A validated load test: what to hit, with which requests, in which phases, judged by which SLAs.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String
    public var target: TargetSpec
    public var requests: [RequestSpec]
    public var phases: [PhaseSpec]
    public var sla: [SLARule]
    public var options: EngineOptions
    /// Steps taken at fixed times during the run (`actions:`), in file order.
    public var actions: [ActionSpec]
    /// The disaster-recovery drill's settings (`recovery:`), nil when the scenario measures no RTO/RPO.
    public var recovery: RecoverySpec?
    /// Faults on the timeline (`chaos:`), nil when the scenario injects none.
    public var chaos: ChaosSpec?
    /// `target.tls`: trust and client certificate for an https:// target (also one given with `--target`).
    public var tls: TargetTLS?
    /// `data:` feeds of values for the requests' `{{FEED.FIELD}}` placeholders.
    public var data: [DataFeedSpec]
    /// The file the scenario came from; relative payload paths resolve against its directory.
    public var sourceFile: URL?

    public init(
        name: String, description: String = "", target: TargetSpec, requests: [RequestSpec], phases: [PhaseSpec],
        sla: [SLARule] = [], options: EngineOptions = EngineOptions(), actions: [ActionSpec] = [],
        recovery: RecoverySpec? = nil, chaos: ChaosSpec? = nil, tls: TargetTLS? = nil, data: [DataFeedSpec] = [],
        sourceFile: URL? = nil
    ) {
        self.name = name
        self.description = description
        self.target = target
        self.requests = requests
        self.phases = phases
        self.sla = sla
        self.options = options
        self.actions = actions
        self.recovery = recovery
        self.chaos = chaos
        self.tls = tls
        self.data = data
        self.sourceFile = sourceFile
    }

    /// Sum of all phase durations.
    public var totalDuration: Duration { phases.reduce(.zero) { $0 + $1.duration } }
}

/// Connection and timeout settings of the load engine (scenario key `options`).
public struct EngineOptions: Sendable, Equatable {
    /// Open model: upper bound on connections. When all are busy a request waits for one to free up.
    public var maxConnections: Int
    /// Open model: how late a waiting request may still go out; later than this it is counted as dropped.
    /// Its wait is part of its (corrected) latency.
    public var maxSendDelay: Duration
    public var connectTimeout: Duration
    public var requestTimeout: Duration

    public init(
        maxConnections: Int = 256, maxSendDelay: Duration = .seconds(1), connectTimeout: Duration = .seconds(5),
        requestTimeout: Duration = .seconds(10)
    ) {
        self.maxConnections = maxConnections
        self.maxSendDelay = maxSendDelay
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
    }
}
