/// `replica.restart`: one bundled replica, or with `rolling: true` each in turn, is stopped (SIGTERM, drain) and
/// replaced by a new process on the same port; the next one starts only when the previous one is ready.
struct ReplicaRestartAction: ScenarioAction {
    let spec: ReplicaRestartSpec

    func perform(in context: ActionContext) async throws(ActionFailure) -> [String: String] {
        guard let replicas = context.replicas else {
            throw ActionFailure("replica.restart needs a bundled target; this run's target was given as a URL")
        }
        let slots = spec.rolling ? Array(0..<replicas.replicaCount) : [spec.replica - 1]
        var detail = ["rolling": "\(spec.rolling)", "replicas": slots.map { "\($0 + 1)" }.joined(separator: ",")]
        for slot in slots {
            do {
                let restart = try await replicas.restart(slot: slot, timeout: spec.timeout)
                let number = slot + 1
                detail["replica\(number).old_pid"] = restart.oldProcessID.map(String.init) ?? "?"
                detail["replica\(number).new_pid"] = restart.newProcessID.map(String.init) ?? "?"
                detail["replica\(number).drain_ms"] = "\(restart.drainedIn.milliseconds)"
                detail["replica\(number).ready_ms"] = "\(restart.readyIn.milliseconds)"
            } catch {
                throw ActionFailure("restarting replica \(slot + 1): \(error.description)", detail: detail)
            }
        }
        return detail
    }
}

extension Duration {
    /// Whole milliseconds, for event details.
    var milliseconds: Int64 { nanoseconds / 1_000_000 }
}
