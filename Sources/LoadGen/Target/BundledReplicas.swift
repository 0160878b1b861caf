import Foundation
import Synchronization

/// Replicas of the bundled service that loadgen started and must stop.
///
/// All replicas listen on one loopback port with `SO_REUSEPORT`, so the kernel spreads connections across them.
/// That also means a `GET /readyz` on the port reaches a random replica and cannot prove that *every* replica is
/// ready, and the service offers no second, private port. So readiness is checked per replica through what each
/// one says about itself: replica 1 binds port 0 and prints the URL (its first stdout line); the others join that
/// port and print it too; each logs "models loaded" on stderr at the moment its `/readyz` turns 200
/// (ModelLoadingService). Start-up is done when every replica is alive, has printed its URL and logged that line,
/// and `/readyz` on the shared port answers 200 — checked every 50 ms until `readyTimeout`.
public final class BundledReplicas: Sendable {
    /// `http://127.0.0.1:PORT`, shared by every replica.
    public let baseURL: String
    /// The current process of each replica slot; `restart` swaps one in place.
    private let slots: Mutex<[ReplicaProcess]>
    /// Every process ever started, so `stop` also reaps one that a failed restart left behind.
    private let everStarted: Mutex<[ReplicaProcess]>
    let rootDirectory: URL
    /// How replicas are started, kept for restarts.
    let launchPlan: LaunchPlan
    private let stopping = Mutex<Task<Void, Never>?>(nil)

    /// What starting one more replica on the shared port takes.
    struct LaunchPlan: Sendable {
        var spec: BundledTarget
        var executable: URL
        var port: Int
        var adminTokenFile: URL
    }

    init(baseURL: String, replicas: [ReplicaProcess], rootDirectory: URL, launchPlan: LaunchPlan) {
        self.baseURL = baseURL
        self.slots = Mutex(replicas)
        self.everStarted = Mutex(replicas)
        self.rootDirectory = rootDirectory
        self.launchPlan = launchPlan
    }

    /// The replicas serving now, in slot order.
    var replicas: [ReplicaProcess] { slots.withLock { $0 } }

    public var processIDs: [Int32] { replicas.compactMap(\.processID) }

    /// Each replica's temporary `--data` directory; all are removed by `stop`.
    public var dataDirectories: [URL] { replicas.map(\.dataDirectory) }

    /// The bearer token every replica's admin API accepts (generated per run, in a file under the temporary root).
    public var adminToken: String {
        ((try? String(contentsOf: launchPlan.adminTokenFile, encoding: .utf8)) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    /// True once `stop` began; the supervisor restarts nothing after that.
    var isStopping: Bool { stopping.withLock { $0 != nil } }

    func replace(slot index: Int, with replica: ReplicaProcess) {
        everStarted.withLock { $0.append(replica) }
        slots.withLock { $0[index] = replica }
    }

    /// A safety net for a caller that forgot `stop`: replicas live in their own process group, so nothing else
    /// would end them. Waiting and cleaning up need `stop`.
    deinit {
        if stopping.withLock({ $0 == nil }) {
            for replica in everStarted.withLock({ $0 }) { replica.send(SIGTERM) }
        }
    }

    /// SIGTERM to every replica (each drains and exits 0), SIGKILL to any still running after `timeout`, then the
    /// temporary data directories are removed. Calling it again waits for the first call's work.
    public func stop(timeout: Duration = .seconds(15)) async {
        let task = stopping.withLock { task in
            if let task { return task }
            let replicas = self.everStarted.withLock { $0 }
            let rootDirectory = self.rootDirectory
            let started = Task {
                await Self.stop(replicas, timeout: timeout)
                try? FileManager.default.removeItem(at: rootDirectory)
            }
            task = started
            return started
        }
        await task.value
    }

    static func stop(_ replicas: [ReplicaProcess], timeout: Duration) async {
        for replica in replicas { replica.send(SIGTERM) }
        if await waitUntilEnded(replicas, timeout: timeout) { return }
        for replica in replicas where !replica.hasEnded { replica.send(SIGKILL, toProcessGroup: true) }
        // SIGKILL cannot be refused; the bound only guards against a wedged reaper.
        _ = await waitUntilEnded(replicas, timeout: .seconds(5))
    }

    static func waitUntilEnded(_ replicas: [ReplicaProcess], timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if replicas.allSatisfy(\.hasEnded) { return true }
            // Not cancellable on purpose: stopping must finish even when the caller's task is cancelled.
            await withUncancellable { try? await Task.sleep(for: pollInterval) }
        }
        return replicas.allSatisfy(\.hasEnded)
    }

    static let pollInterval = Duration.milliseconds(50)
}

/// Runs `body` in a task that does not inherit the caller's cancellation.
private func withUncancellable(_ body: @escaping @Sendable () async -> Void) async {
    await Task { await body() }.value
}
