import Foundation

extension BundledReplicas {
    /// Restarts crashed replicas, like a Kubernetes pod with `restartPolicy: Always`, until `stop()`. A replica
    /// counts as crashed when its process ended by a signal or a non-zero exit code; one that exited 0 was asked to
    /// (`stop`, a graceful `restart`) and is left to whoever asked.
    public final class Supervisor: Sendable {
        private let task: Task<Void, Never>

        init(task: Task<Void, Never>) {
            self.task = task
        }

        /// Stops watching; a restart in progress is abandoned (the replicas' own `stop` ends any process it started).
        public func stop() async {
            task.cancel()
            await task.value
        }
    }

    /// Starts supervising the replicas; `onEvent` gets every restart (call it right after `start` unless the
    /// scenario turned the supervisor off). `stop()` the supervisor before stopping the replicas.
    public func supervise(
        backoff: RestartBackoff = RestartBackoff(), onEvent: @escaping @Sendable (SupervisorEvent) -> Void = { _ in }
    ) -> Supervisor {
        Supervisor(task: Task { await self.superviseLoop(backoff: backoff, onEvent: onEvent) })
    }

    private struct SlotHistory {
        var crashesInARow = 0
        var launchedAt = ContinuousClock.now
    }

    private func superviseLoop(backoff: RestartBackoff, onEvent: @Sendable (SupervisorEvent) -> Void) async {
        var history = Array(repeating: SlotHistory(), count: replicaCount)
        while !Task.isCancelled && !isStopping {
            for (slot, replica) in replicas.enumerated() where Self.crashed(replica) {
                let upFor = history[slot].launchedAt.duration(to: .now)
                history[slot].crashesInARow = upFor >= backoff.resetAfter ? 1 : history[slot].crashesInARow + 1
                let wait = backoff.delay(afterCrashesInARow: history[slot].crashesInARow)
                do {
                    try await Task.sleep(for: wait)
                } catch {
                    return
                }
                guard !isStopping, replicas[slot] === replica else { continue }
                history[slot].launchedAt = .now
                let event = await relaunch(
                    slot: slot, replacing: replica, crashesInARow: history[slot].crashesInARow, waited: wait)
                onEvent(event)
            }
            try? await Task.sleep(for: Self.pollInterval)
        }
    }

    private static func crashed(_ replica: ReplicaProcess) -> Bool {
        guard case .exited(_, let reason) = replica.phase else { return false }
        return reason != "exit code 0"
    }

    /// Launches a new process in `slot` on the shared port and data directory, and waits until it is ready.
    private func relaunch(slot: Int, replacing old: ReplicaProcess, crashesInARow: Int, waited: Duration) async -> SupervisorEvent
    {
        var event = SupervisorEvent(
            replica: old.number, previousProcessID: old.processID, exitReason: Self.exitReason(old), crashesInARow: crashesInARow,
            waited: waited, newProcessID: nil, outcome: .failed, wallTime: 0, detail: "")
        let plan = launchPlan
        let fresh: ReplicaProcess
        do {
            let catalog = try plan.spec.model.map { name throws(BundledTargetError) in
                try BundledModelCatalog.catalogJSON(forModel: name)
            }
            fresh = try Self.launchReplica(
                old.number, port: plan.port, spec: plan.spec, catalog: catalog, executable: plan.executable, under: rootDirectory,
                tokenFile: plan.adminTokenFile)
        } catch {
            event.detail = "cannot restart replica \(old.number): \(error)"
            event.wallTime = Date().timeIntervalSince1970
            return event
        }
        replace(slot: slot, with: fresh)
        // `stop` may have taken its list of processes just before this one joined it.
        if isStopping { fresh.send(SIGTERM) }
        let deadline = ContinuousClock.now + plan.spec.readyTimeout
        while !(fresh.url != nil && fresh.loggedReady) {
            if fresh.hasEnded {
                event.newProcessID = fresh.processID
                event.detail =
                    "the restarted replica \(old.number) exited before it was ready (\(fresh.phase)): \(fresh.stderrTail.quoted)"
                event.wallTime = Date().timeIntervalSince1970
                return event
            }
            if ContinuousClock.now >= deadline || Task.isCancelled {
                event.newProcessID = fresh.processID
                event.detail = "the restarted replica \(old.number) was not ready within \(plan.spec.readyTimeout)"
                event.wallTime = Date().timeIntervalSince1970
                return event
            }
            try? await Task.sleep(for: Self.pollInterval)
        }
        event.newProcessID = fresh.processID
        event.outcome = .ready
        event.detail = "replica \(old.number) restarted after \(event.exitReason)"
        event.wallTime = Date().timeIntervalSince1970
        return event
    }

    private static func exitReason(_ replica: ReplicaProcess) -> String {
        if case .exited(_, let reason) = replica.phase { return reason }
        return "\(replica.phase)"
    }
}
