import Foundation

extension FaultScheduler {
    /// Writes a placeholder to the state file, injects, and replaces the placeholder with the fault's record. A
    /// fault that cannot be written down is not injected: nothing could revert it after a crash.
    func inject(_ index: Int) async -> Active? {
        let step = steps[index]
        let began = clock.now
        let expiresAt = wallClock() + Self.seconds(step.duration)
        var entryID: String?
        if let stateFile {
            let id = "\(getpid())-\(UUID().uuidString)"
            let placeholder = FaultRecord(fault: step.faultName, values: ["state": "injecting"], expiresAt: expiresAt)
            do {
                try stateFile.add(
                    ChaosStateEntry(
                        id: id, ownerPID: getpid(), ownerStartTime: ProcessIdentity.of(getpid())?.startTime,
                        injectedAt: wallClock(),
                        record: placeholder))
                entryID = id
            } catch {
                emit(.inject, .failed, step: index, took: began.duration(to: clock.now), detail: "not injected: \(error.message)")
                return nil
            }
        }
        let environment = FaultEnvironment(
            proxy: targets.proxy, replicas: targets.replicas, targetSelector: step.targetSelector, targetPort: targets.targetPort,
            duration: step.duration, expiresAt: expiresAt)
        do {
            let undo = try await step.fault.inject(into: environment)
            if let entryID, let stateFile {
                do {
                    try stateFile.replaceRecord(ofEntry: entryID, with: undo.record)
                } catch {
                    // The fault is live and reverts at its TTL as usual; only crash recovery lost its details.
                    emit(
                        .inject, .failed, step: index, took: .zero,
                        detail: "injected, but the state file could not be updated: \(error.message)")
                }
            }
            let injectedAt = clock.now
            emit(.inject, .ok, step: index, took: began.duration(to: injectedAt), detail: LeftoverReset.describe(undo.record))
            return Active(step: index, undo: undo, stateEntry: entryID, injectedAt: injectedAt)
        } catch {
            if let entryID { try? stateFile?.remove(entry: entryID) }
            emit(
                .inject, error.kind == .unsupported ? .unsupported : .failed, step: index, took: began.duration(to: clock.now),
                detail: error.message)
            return nil
        }
    }

    /// Reverts and, once that worked, removes the state file entry; a failed revert stays listed for `chaos reset`.
    func revert(_ active: Active, reason: FaultEvent.RevertReason) async {
        let began = clock.now
        do {
            try await active.undo.revert()
            if let entry = active.stateEntry { try? stateFile?.remove(entry: entry) }
            let now = clock.now
            emit(
                .revert, .ok, step: active.step, took: began.duration(to: now), activeFor: active.injectedAt.duration(to: now),
                reason: reason,
                detail: LeftoverReset.describe(active.undo.record))
        } catch {
            let now = clock.now
            emit(
                .revert, .failed, step: active.step, took: began.duration(to: now),
                activeFor: active.injectedAt.duration(to: now), reason: reason,
                detail: """
                    \(error.message) — it stays in the state file; run 'loadgen chaos reset' to retry
                    """)
        }
    }

    func emit(
        _ action: FaultEvent.Action, _ outcome: FaultEvent.Outcome, step index: Int, took: Duration, activeFor: Duration? = nil,
        reason: FaultEvent.RevertReason? = nil, detail: String
    ) {
        let step = steps[index]
        let start = state.withLock { $0.start } ?? clock.now
        onEvent(
            FaultEvent(
                action: action, outcome: outcome, step: index, label: step.label, fault: step.faultName,
                target: step.targetSelector,
                at: start.duration(to: clock.now), wallTime: wallClock(), took: took, activeFor: activeFor, revertReason: reason,
                detail: detail))
    }

    static func seconds(_ duration: Duration) -> Double {
        let components = duration.components
        return Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
