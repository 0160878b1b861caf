import Synchronization

/// After the disaster, probes the target every `every` until `consecutive` probes in a row succeed: a probe is
/// `GET /readyz` and then one detection, both with a 2xx answer. Records every probe, and the model version the
/// last successful detection reported.
final class RecoveryProber: Sendable {
    private let baseURL: String
    private let detection: ControlRequest
    private let spec: RecoverySpec
    private let clock: RunClock
    private let state = Mutex(State())
    private let task = Mutex<Task<Void, Never>?>(nil)

    private struct State {
        var probes: [RecoveryMeasurement.Probe] = []
        var versionAfter: String?
        var lastFailure: String?
    }

    init(baseURL: String, detection: ControlRequest, spec: RecoverySpec, clock: RunClock) {
        self.baseURL = baseURL
        self.detection = detection
        self.spec = spec
        self.clock = clock
    }

    var probes: [RecoveryMeasurement.Probe] { state.withLock { $0.probes } }
    var versionAfter: String? { state.withLock { $0.versionAfter } }
    /// Why the latest failed probe failed, for the report when the target never came back.
    var lastFailure: String? { state.withLock { $0.lastFailure } }

    /// One probe now: whether it succeeded and the version its detection reported.
    func probe() async -> (succeeded: Bool, version: String?, failure: String?) {
        let readiness = ControlRequest(url: baseURL + DetectionServiceAPI.readinessPath, timeout: spec.probeTimeout)
        do {
            let ready = try await CurlHTTPClient.send(readiness)
            guard ready.isSuccess else {
                return (false, nil, "GET \(DetectionServiceAPI.readinessPath) answered \(ready.status)")
            }
            let detected = try await CurlHTTPClient.send(detection)
            guard detected.isSuccess else {
                return (false, nil, "\(detection.method) detection answered \(detected.status): \(detected.bodyText(limit: 120))")
            }
            return (true, detected.header(DetectionServiceAPI.modelVersionHeader), nil)
        } catch {
            return (false, nil, error.message)
        }
    }

    /// Probes until recovered (or `stop`).
    func start() {
        let started = Task { [self] in
            var streak = 0
            var next = ContinuousClock.now
            while !Task.isCancelled, streak < spec.consecutive {
                let at = clock.nowMs
                let result = await probe()
                streak = result.succeeded ? streak + 1 : 0
                self.state.withLock { state in
                    state.probes.append(.init(atMs: at, succeeded: result.succeeded))
                    if let version = result.version { state.versionAfter = version }
                    if let failure = result.failure { state.lastFailure = failure }
                }
                next += spec.probeEvery
                if next > .now { try? await Task.sleep(until: next) } else { next = .now }
            }
        }
        task.withLock { $0 = started }
    }

    /// Waits up to `grace` for recovery to finish being proven, then stops probing.
    func stop(grace: Duration) async {
        guard let running = task.withLock({ $0 }) else { return }
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline, !isFinished {
            try? await Task.sleep(for: .milliseconds(20))
        }
        running.cancel()
        await running.value
    }

    private var isFinished: Bool {
        let probes = self.probes
        return probes.count >= spec.consecutive && probes.suffix(spec.consecutive).allSatisfy(\.succeeded)
    }
}
