import Foundation

extension BundledReplicas {
    /// What one replica restart did, for the action's event.
    public struct Restart: Sendable {
        public var slot: Int
        public var oldProcessID: Int32?
        public var newProcessID: Int32?
        /// SIGTERM until the old process was gone (it drains its in-flight requests first).
        public var drainedIn: Duration
        /// Launch until the new process logged that its models are loaded.
        public var readyIn: Duration
    }

    public var replicaCount: Int { replicas.count }

    /// Stops the replica in `slot` (0-based) with SIGTERM, waits for it to drain and exit, then starts a new one on
    /// the same port (SO_REUSEPORT) and data directory — so it serves the registry's active version — and returns
    /// once it has printed its address and logged that its models are loaded. The others keep serving throughout.
    /// Stop first, then start: two processes never write one data directory at the same time.
    public func restart(slot: Int, timeout: Duration) async throws(BundledTargetError) -> Restart {
        let old = replicas[slot]
        let plan = launchPlan
        let started = ContinuousClock.now
        old.send(SIGTERM)
        if !(await Self.waitUntilEnded([old], timeout: timeout)) {
            old.send(SIGKILL, toProcessGroup: true)
            _ = await Self.waitUntilEnded([old], timeout: .seconds(5))
            throw BundledTargetError(
                .notReady,
                """
                bundled replica \(old.number) did not exit within \(timeout) of SIGTERM and was killed. \
                Raise the action's timeout, or lower targetservice's --drain-timeout.
                """)
        }
        let drained = ContinuousClock.now - started
        let catalog = try plan.spec.model.map { name throws(BundledTargetError) in
            try BundledModelCatalog.catalogJSON(forModel: name)
        }
        let fresh = try Self.launchReplica(
            old.number, port: plan.port, spec: plan.spec, catalog: catalog, executable: plan.executable, under: rootDirectory,
            tokenFile: plan.adminTokenFile)
        replace(slot: slot, with: fresh)
        let launched = ContinuousClock.now
        let deadline = launched + timeout
        while !(fresh.url != nil && fresh.loggedReady) {
            if fresh.hasEnded {
                throw BundledTargetError(
                    .replicaExited,
                    """
                    the restarted bundled replica \(fresh.number) exited before it was ready (\(fresh.phase)). Its last stderr lines:
                    \(fresh.stderrTail.quoted)
                    """)
            }
            if ContinuousClock.now >= deadline {
                throw BundledTargetError(
                    .notReady,
                    """
                    the restarted bundled replica \(fresh.number) was not ready within \(timeout). Its last stderr lines:
                    \(fresh.stderrTail.quoted)
                    Raise the action's timeout.
                    """)
            }
            try? await Task.sleep(for: Self.pollInterval)
        }
        return Restart(
            slot: slot, oldProcessID: old.processID, newProcessID: fresh.processID, drainedIn: drained,
            readyIn: ContinuousClock.now - launched)
    }
}
