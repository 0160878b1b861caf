import Foundation
import Reports
import Synchronization

/// One run's disaster-recovery drill: the canary writer runs for the whole run; the `disaster` action tells the
/// drill when it strikes (`disasterStarting`, which also notes the model version serving just before) and when
/// the target is down (`disasterDone`, which starts the probes); `restore` reports its integrity check; at the
/// end `finish` stops everything, reads the canary back and measures RTO and RPO.
public final class RecoveryDrill: Sendable {
    let spec: RecoverySpec
    private let baseURL: String
    private let replicas: BundledReplicas?
    private let adminToken: String?
    private let clock: RunClock
    private let canary: CanaryWriter
    private let prober: RecoveryProber
    private let state = Mutex(State())

    private struct State {
        var disasterAtMs: Int64?
        var versionBefore: String?
        var integrity: [String] = []
        var probing = false
    }

    /// `detection` is the request a probe sends after `/readyz` (the scenario's first request, first payload).
    public init(
        spec: RecoverySpec, baseURL: String, detection: ControlRequest, replicas: BundledReplicas?, environment: [String: String],
        runStart: UInt64
    ) {
        self.spec = spec
        self.baseURL = baseURL
        self.replicas = replicas
        self.adminToken = spec.tokenEnvironmentVariable.flatMap { environment[$0] }
        self.clock = RunClock(runStart: runStart)
        let token = String(UInt64.random(in: .min ... .max), radix: 36)
        self.canary = CanaryWriter(baseURL: baseURL, rate: spec.canaryRate, clock: clock, runToken: token)
        self.prober = RecoveryProber(baseURL: baseURL, detection: detection, spec: spec, clock: clock)
    }

    public func start() {
        canary.start()
    }

    /// The disaster is about to strike: its time, and the version a probe sees now.
    func disasterStarting() async {
        let at = clock.nowMs
        let version = await prober.probe().version
        state.withLock { state in
            state.disasterAtMs = at
            state.versionBefore = version
        }
    }

    /// The target is down: probing for its recovery starts.
    func disasterDone() {
        let start = state.withLock { state in
            defer { state.probing = true }
            return !state.probing
        }
        if start { prober.start() }
    }

    /// `restore` ran; `result` is what its integrity check said (per replica on a bundled target).
    func restored(integrity result: String) {
        state.withLock { $0.integrity.append(result) }
    }

    /// Stops the canary and the probes (allowing `grace` for a recovery in progress to be proven), reads the
    /// canary back and measures. Nil when no disaster happened (the run ended before it).
    public func finish(grace: Duration = .seconds(5)) async -> RecoveryReport? {
        await canary.stop()
        await prober.stop(grace: grace)
        let snapshot = state.withLock { $0 }
        guard let disasterAt = snapshot.disasterAtMs else { return nil }
        let readBackAt = clock.nowMs
        let readBack = await readCanaryBack()
        let measurement = RecoveryMeasurement(
            disasterAtMs: disasterAt, probes: prober.probes, consecutive: spec.consecutive, writes: canary.writes,
            readBackAtMs: readBackAt, present: (try? readBack.get()) ?? [])
        return RecoveryReport(
            measurement: measurement, disasterAtMs: disasterAt, consecutive: spec.consecutive, probes: prober.probes.count,
            lastProbeFailure: prober.lastFailure, canaryWrites: canary.writes.count,
            readBackProblem: readBack.failureMessage, versionBefore: snapshot.versionBefore, versionAfter: prober.versionAfter,
            integrity: snapshot.integrity.isEmpty ? nil : snapshot.integrity.joined(separator: "; "))
    }

    /// The sequence numbers of this run's canary writes the target holds now: the union over every bundled replica
    /// (each keeps its own data), or what the url target's export returns. The canary's messages are then erased
    /// from a url target, so a drill leaves no test data behind on staging.
    private func readCanaryBack() async -> Result<Set<Int>, RecoveryReport.ReadBackFailure> {
        let path = "/v1/feedback?email=\(canary.email)"
        if let replicas {
            var present: Set<Int> = []
            for slot in 0..<replicas.replicaCount {
                switch await replicas.adminRequest(slot: slot, method: "GET", path: path, timeout: .seconds(10)) {
                case .success(let response):
                    guard response.status == 200, let found = CanaryWriter.sequences(inExport: response.body) else {
                        return .failure(
                            .init(message: "reading the canary back from replica \(slot + 1) answered HTTP \(response.status)"))
                    }
                    present.formUnion(found)
                case .failure(let failure):
                    return .failure(.init(message: "reading the canary back from replica \(slot + 1): \(failure.description)"))
                }
            }
            return .success(present)
        }
        let headers = [(name: "Authorization", value: "Bearer \(adminToken ?? "")")]
        do {
            let response = try await CurlHTTPClient.send(
                ControlRequest(url: baseURL + path, headers: headers, timeout: .seconds(10)))
            guard response.status == 200, let found = CanaryWriter.sequences(inExport: response.body) else {
                return .failure(.init(message: "GET \(path) answered HTTP \(response.status): \(response.bodyText(limit: 200))"))
            }
            _ = try? await CurlHTTPClient.send(
                ControlRequest(method: "DELETE", url: baseURL + path, headers: headers, timeout: .seconds(10)))
            return .success(found)
        } catch {
            return .failure(.init(message: error.message))
        }
    }
}

extension Result where Failure == RecoveryReport.ReadBackFailure {
    fileprivate var failureMessage: String? {
        if case .failure(let failure) = self { return failure.message }
        return nil
    }
}
