import Chaos

/// `chaos:`: faults injected on the run's timeline, the safety rails around them, and the steady-state probes
/// that judge a target loadgen cannot instrument (Chaos Toolkit's model).
public struct ChaosSpec: Sendable, Equatable {
    public var steps: [ChaosStep]
    /// At most this many faults active at once; a step due while the limit is reached is refused (and fails the run).
    public var maxConcurrentFaults: Int
    /// Seconds in a row the per-second SLA must hold after a revert for the target to count as recovered.
    public var recoverySeconds: Int
    /// Ends the experiment (every fault reverted, load stopped) when the condition holds.
    public var abort: ChaosAbortCondition?
    /// Bundled targets: restart crashed replicas with backoff, like Kubernetes' `restartPolicy: Always`.
    public var supervisor: Bool
    /// Whether the load goes through the fault proxy.
    public var proxy: ProxyMode
    public var steadyState: SteadyStateSpec?

    /// `auto` routes the load through the proxy when a step needs it (network faults).
    public enum ProxyMode: String, Sendable, Equatable {
        case auto, always, never
    }

    public init(
        steps: [ChaosStep], maxConcurrentFaults: Int = 3, recoverySeconds: Int = 5, abort: ChaosAbortCondition? = nil,
        supervisor: Bool = true,
        proxy: ProxyMode = .auto, steadyState: SteadyStateSpec? = nil
    ) {
        self.steps = steps
        self.maxConcurrentFaults = maxConcurrentFaults
        self.recoverySeconds = recoverySeconds
        self.abort = abort
        self.supervisor = supervisor
        self.proxy = proxy
        self.steadyState = steadyState
    }
}

/// One `chaos:` entry: at `at`, inject `fault` (by its catalog name, with its parameters) into `target` for
/// `duration`, after which it is reverted (its TTL).
public struct ChaosStep: Sendable, Equatable {
    public var at: Duration
    public var duration: Duration
    public var fault: String
    public var parameters: FaultParameters
    /// `replica-2`, `all`, ... as written; nil when the step names none.
    public var target: String?

    public init(at: Duration, duration: Duration, fault: String, parameters: FaultParameters, target: String? = nil) {
        self.at = at
        self.duration = duration
        self.fault = fault
        self.parameters = parameters
        self.target = target
    }

    /// A new instance of the fault (parsing was checked when the scenario loaded).
    public func makeFault() throws(FaultError) -> any Fault {
        try FaultCatalog.fault(named: fault, parameters: parameters)
    }

    /// What the step's fault needs from the run (empty for an unknown name, which parsing already refused).
    public var requirements: Set<FaultRequirement> { FaultCatalog.kind(named: fault)?.requirements ?? [] }
}

/// `steady_state:`: probes (the `http` and `exec` actions with a tolerance) run every `every` through the whole
/// run; the hypothesis is that all of them pass before the first fault and again after the last.
public struct SteadyStateSpec: Sendable, Equatable {
    public var every: Duration
    public var probes: [ProbeSpec]

    public init(every: Duration = .seconds(2), probes: [ProbeSpec]) {
        self.every = every
        self.probes = probes
    }
}

/// One steady-state probe: an `http` call (status within `expect`, and answered within `maxTime` if given) or an
/// `exec` (exit code, and optionally output containing a text).
public struct ProbeSpec: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case http(HTTPCallSpec, maxTime: Duration?)
        case exec(ExecSpec, outputContains: String?)
    }

    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
