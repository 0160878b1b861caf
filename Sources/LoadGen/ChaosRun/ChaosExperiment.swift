import Chaos
import Foundation
import NIOCore
import NIOPosix
import Reports
import Synchronization

/// One run's chaos experiment: the fault proxy the load goes through (when a fault needs it), tmpfs data
/// directories (disk faults), the replica supervisor, the fault timeline with its TTLs and state file, the
/// steady-state probes and the abort condition. The runner feeds it every second of load and stores the events it
/// hands back; at the end it judges recovery per fault and the steady-state hypothesis.
public final class ChaosExperiment: Sendable {
    let spec: ChaosSpec

    /// The chaos steps in force now, as `chaos[N] FAULT` (what `--metrics-listen` shows).
    var activeFaults: [String] {
        (scheduler.withLock { $0 }?.activeSteps ?? []).map { "chaos[\($0)] \(spec.steps[$0].fault)" }
    }
    /// Where the load goes: the proxy when there is one, else the target itself.
    public let loadURL: String
    /// The port of the target itself (behind the proxy, if any); kernel faults match on it.
    let targetPort: Int?
    let proxy: FaultProxy?
    let replicas: BundledReplicas?
    let stateFile: ChaosStateFile
    let mounts: [DataDirectoryMount]
    private let supervisor = Mutex<BundledReplicas.Supervisor?>(nil)
    private let clock: Mutex<RunClock?> = Mutex(nil)
    private let pending = Mutex<[EventRecord]>([])
    let log = Mutex(Log())
    private let schedulerTask = Mutex<Task<Void, Never>?>(nil)
    private let scheduler = Mutex<FaultScheduler<ContinuousClock>?>(nil)
    private let prober = Mutex<SteadyStateProber?>(nil)

    /// What happened, for the verdicts at the end.
    struct Log {
        var faults: [FaultWindow] = []
        var failedInjections: [FaultEvent] = []
        var samples: [SecondSample] = []
        var injectedAtMs: [Int: Int64] = [:]
        var supervisorRestarts = 0
    }

    /// One fault that was active from `injectedAtMs` to `revertedAtMs`.
    struct FaultWindow {
        var step: Int
        var label: String
        var fault: String
        var injectedAtMs: Int64
        var revertedAtMs: Int64
    }

    /// Prepares what the faults need before the load starts. A part the machine cannot provide (mounting a tmpfs
    /// without root) is noted as an event; the faults that need it then report themselves unsupported when due.
    public static func prepare(
        spec: ChaosSpec, targetURL: String, replicas: BundledReplicas?, environment: [String: String], log note: (String) -> Void
    ) async throws -> ChaosExperiment {
        let stateFile = ChaosStateFile(url: ChaosStateFile.defaultURL(environment: environment))
        var early: [EventRecord] = []
        var mounts: [DataDirectoryMount] = []
        if let replicas, spec.steps.contains(where: { $0.requirements.contains(.tmpfsDataDirectory) }) {
            note(
                "moving the replicas' data directories onto \(Self.dataDirectorySize / 1_048_576) MiB tmpfs mounts for the disk faults…"
            )
            do {
                mounts = try await replicas.mountDataDirectories(sizeBytes: Self.dataDirectorySize, stateFile: stateFile)
            } catch {
                early.append(
                    EventRecord(
                        atMs: 0, kind: "chaos", name: "tmpfs data directories", detail: ["message": "\(error)"],
                        outcome: "unsupported"))
            }
        }
        var proxy: FaultProxy?
        var loadURL = targetURL
        let needsProxy = spec.steps.contains { $0.requirements.contains(.proxy) }
        if spec.proxy == .always || (spec.proxy == .auto && needsProxy) {
            guard let url = URLComponents(string: targetURL), let host = url.host, let scheme = url.scheme else {
                throw ChaosSetupError("cannot route \(targetURL) through the fault proxy: it is not a URL with a host")
            }
            let port = url.port ?? (scheme == "https" ? 443 : 80)
            // The load keeps its connections open, so HTTP faults added mid-run must find them parsing HTTP already.
            let started = try await FaultProxy.start(
                name: "loadgen", listen: "127.0.0.1:0", upstream: "\(host):\(port)", group: MultiThreadedEventLoopGroup.singleton,
                alwaysParsesHTTP: spec.steps.contains { FaultProxy.toxicActsOnRequests($0.fault) })
            proxy = started
            loadURL = "\(scheme)://127.0.0.1:\(started.listenPort)"
            early.append(
                EventRecord(
                    atMs: 0, kind: "chaos", name: "fault proxy", detail: ["listen": started.listen, "upstream": started.upstream])
            )
        }
        let targetPort = URLComponents(string: targetURL).map { $0.port ?? ($0.scheme == "https" ? 443 : 80) }
        let experiment = ChaosExperiment(
            spec: spec, loadURL: loadURL, targetPort: targetPort, proxy: proxy, replicas: replicas, stateFile: stateFile,
            mounts: mounts)
        experiment.pending.withLock { $0 += early }
        if spec.supervisor, let replicas { experiment.supervise(replicas) }
        return experiment
    }

    /// Disk faults fill this much; small, since a tmpfs lives in memory.
    static let dataDirectorySize = 64 * 1_048_576

    private init(
        spec: ChaosSpec, loadURL: String, targetPort: Int?, proxy: FaultProxy?, replicas: BundledReplicas?,
        stateFile: ChaosStateFile,
        mounts: [DataDirectoryMount]
    ) {
        self.spec = spec
        self.loadURL = loadURL
        self.targetPort = targetPort
        self.proxy = proxy
        self.replicas = replicas
        self.stateFile = stateFile
        self.mounts = mounts
    }

    /// Restarts crashed replicas with backoff for the rest of the run; each restart is an event.
    private func supervise(_ replicas: BundledReplicas) {
        let started = replicas.supervise { [self] event in
            let at = clock.withLock { $0?.nowMs } ?? 0
            log.withLock { $0.supervisorRestarts += 1 }
            pending.withLock {
                $0.append(
                    EventRecord(
                        atMs: at, kind: "supervisor", name: "restart replica \(event.replica)",
                        detail: [
                            "previous_pid": event.previousProcessID.map(String.init) ?? "?", "exit": event.exitReason,
                            "crashes_in_a_row": "\(event.crashesInARow)", "backoff_ms": "\(event.waited.milliseconds)",
                            "new_pid": event.newProcessID.map(String.init) ?? "?", "detail": event.detail,
                        ],
                        outcome: event.outcome.rawValue))
            }
        }
        supervisor.withLock { $0 = started }
    }

    /// Starts the fault timeline and the probes on the run's timeline (`runStart`, NIODeadline uptime).
    public func start(runStart: UInt64, context: ActionContext) throws(FaultError) {
        let runClock = RunClock(runStart: runStart)
        clock.withLock { $0 = runClock }
        let steps = try spec.steps.enumerated().map { index, step throws(FaultError) in
            FaultStep(
                at: step.at, duration: step.duration, fault: try step.makeFault(), targetSelector: step.target,
                label: "chaos[\(index)] \(step.fault)")
        }
        let made = FaultScheduler(
            steps: steps, clock: ContinuousClock(), maxConcurrentFaults: spec.maxConcurrentFaults,
            targets: .init(proxy: proxy, replicas: replicas, targetPort: targetPort),
            stateFile: stateFile
        ) { [self] event in record(event, clock: runClock) }
        scheduler.withLock { $0 = made }
        schedulerTask.withLock {
            $0 = Task {
                // The fault timeline starts with the load's, on the engine's clock.
                try? await UptimeClock().sleep(until: .init(nanoseconds: runStart))
                await made.run()
            }
        }
        if let steadyState = spec.steadyState {
            let started = SteadyStateProber(spec: steadyState, context: context)
            started.start()
            prober.withLock { $0 = started }
        }
    }

    private func record(_ event: FaultEvent, clock: RunClock) {
        let now = clock.nowMs
        switch (event.action, event.outcome) {
        case (.inject, .ok):
            log.withLock { $0.injectedAtMs[event.step] = now - event.took.milliseconds }
        case (.inject, _):
            log.withLock { $0.failedInjections.append(event) }
            pending.withLock {
                $0.append(
                    EventRecord(
                        atMs: now - event.took.milliseconds, kind: "chaos", name: event.label,
                        detail: ["fault": event.fault, "target": event.target ?? "", "message": event.detail],
                        durationMs: event.took.milliseconds,
                        outcome: event.outcome.rawValue))
            }
        case (.revert, _):
            let injected =
                log.withLock { $0.injectedAtMs.removeValue(forKey: event.step) } ?? (now - (event.activeFor?.milliseconds ?? 0))
            let reason: String =
                switch event.revertReason {
                case .ttl, nil: "ttl"
                case .stopped(let why): why
                }
            if event.outcome == .ok {
                log.withLock {
                    $0.faults.append(
                        FaultWindow(
                            step: event.step, label: event.label, fault: event.fault, injectedAtMs: injected, revertedAtMs: now))
                }
            }
            pending.withLock {
                $0.append(
                    EventRecord(
                        atMs: injected, kind: "chaos", name: event.label,
                        detail: [
                            "fault": event.fault, "target": event.target ?? "", "reverted_because": reason,
                            "detail": event.detail,
                            "revert_took_ms": "\(event.took.milliseconds)",
                        ],
                        durationMs: now - injected, outcome: event.outcome == .ok ? "ok" : "revert \(event.outcome.rawValue)"))
            }
        }
    }

    var steadyStateProber: SteadyStateProber? { prober.withLock { $0 } }

    /// Events to store now (injections, reverts, supervisor restarts) since the last call.
    public func takeEvents() -> [EventRecord] {
        pending.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }

    /// Feeds the seconds just measured: fault recovery and the steady state are judged on them at the end (the
    /// abort condition is the run session's to watch).
    public func observe(_ buckets: [SecondBucket]) {
        let samples = buckets.map { SecondSample($0) }
        log.withLock { $0.samples += samples }
    }

    /// Reverts every active fault now and injects nothing more (abort condition, Ctrl-C, SIGTERM).
    public func revertAll(reason: String) async {
        await scheduler.withLock { $0 }?.revertAll(reason: reason)
    }

    /// Ends the experiment: reverts what is still active, stops the probes, the supervisor and the proxy. Call it
    /// before the replicas stop (the supervisor must not restart them); `releaseDataDirectories` comes after.
    public func finish() async {
        await revertAll(reason: "the run ended")
        let task = schedulerTask.withLock { $0 }
        task?.cancel()
        await task?.value
        await prober.withLock { $0 }?.stop()
        await supervisor.withLock { $0 }?.stop()
        await proxy?.stop()
    }

    /// Unmounts the tmpfs data directories once the replicas have stopped.
    public func releaseDataDirectories() {
        guard let replicas, !mounts.isEmpty else { return }
        try? replicas.unmountDataDirectories(mounts, stateFile: stateFile)
    }
}

/// The chaos experiment could not be set up; the run does not start.
public struct ChaosSetupError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
