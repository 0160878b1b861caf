/// `disaster`: on a bundled target every replica is killed (SIGKILL) and its data directory deleted; against a
/// url target the scenario's command does the damage. Either way the recovery drill learns when it struck and
/// starts probing for the target's return.
struct DisasterAction: ScenarioAction {
    let spec: RecoveryStepSpec

    func perform(in context: ActionContext) async throws(ActionFailure) -> [String: String] {
        await context.recovery?.disasterStarting()
        defer { context.recovery?.disasterDone() }
        if let command = spec.command { return try await ExecAction(spec: command).perform(in: context) }
        guard let replicas = context.replicas else { throw ActionFailure("disaster without a command needs a bundled target") }
        let destruction = await replicas.destroyAll()
        return [
            "killed_pids": destruction.killedProcessIDs.map(String.init).joined(separator: ","),
            "deleted_data_directories": "\(destruction.deletedDirectories.count)",
        ]
    }
}
