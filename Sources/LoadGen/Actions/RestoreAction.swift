/// `restore`: on a bundled target each replica's newest backup is verified and restored into its (emptied) data
/// directory with `targetservice restore`, then every replica is started again and awaited; against a url target
/// the scenario's command runs the recovery procedure. The integrity check's result goes to the recovery drill.
struct RestoreAction: ScenarioAction {
    let spec: RecoveryStepSpec

    func perform(in context: ActionContext) async throws(ActionFailure) -> [String: String] {
        if let command = spec.command {
            do {
                let detail = try await ExecAction(spec: command).perform(in: context)
                context.recovery?.restored(integrity: "ok (recovery command exited \(command.expectExitCode))")
                return detail
            } catch {
                context.recovery?.restored(integrity: "failed: \(error.message)")
                throw error
            }
        }
        guard let replicas = context.replicas else { throw ActionFailure("restore without a command needs a bundled target") }
        var detail: [String: String] = [:]
        var integrity: [String] = []
        for slot in 0..<replicas.replicaCount {
            let number = slot + 1
            guard let backup = replicas.newestBackup(ofSlot: slot) else {
                context.recovery?.restored(integrity: "replica \(number): no backup")
                throw ActionFailure(
                    """
                    replica \(number) has no complete backup to restore; give the bundled target 'backup_every' (or add a \
                    'backup' action) early enough that one exists before the disaster
                    """, detail: detail)
            }
            let step = ExecSpec(
                command: replicas.executable.path,
                arguments: ["restore", "--from", backup.path, "--data", replicas.dataDirectories[slot].path, "--force"],
                timeout: spec.timeout)
            do {
                let result = try await ExecAction(spec: step).perform(in: context)
                let output = result["output_tail"] ?? ""
                detail["replica\(number).backup"] = backup.lastPathComponent
                detail["replica\(number).output"] = output
                integrity.append("replica \(number): \(output.contains("integrity_check ok") ? "ok" : "unconfirmed")")
            } catch {
                context.recovery?.restored(integrity: "replica \(number): failed: \(error.message)")
                throw ActionFailure(
                    "restoring replica \(number) from \(backup.lastPathComponent): \(error.message)", detail: error.detail)
            }
        }
        detail["integrity_check"] = integrity.joined(separator: "; ")
        context.recovery?.restored(
            integrity: integrity.allSatisfy { $0.hasSuffix(": ok") } ? "ok" : integrity.joined(separator: "; "))
        do {
            let pids = try await replicas.startAllAgain(timeout: spec.timeout)
            detail["new_pids"] = pids.map(String.init).joined(separator: ",")
        } catch {
            throw ActionFailure("starting the restored replicas: \(error.description)", detail: detail)
        }
        return detail
    }
}
