import Foundation

/// `backup`: on a bundled target, `targetservice backup` of every replica's data directory now (online, beside
/// the scheduled ones); against a url target, the scenario's command.
struct BackupAction: ScenarioAction {
    let spec: RecoveryStepSpec

    func perform(in context: ActionContext) async throws(ActionFailure) -> [String: String] {
        if let command = spec.command { return try await ExecAction(spec: command).perform(in: context) }
        guard let replicas = context.replicas else { throw ActionFailure("backup without a command needs a bundled target") }
        var detail: [String: String] = [:]
        let stamp = ISO8601DateFormatter.string(
            from: Date(), timeZone: .gmt, formatOptions: [.withYear, .withMonth, .withDay, .withTime])
        for slot in 0..<replicas.replicaCount {
            let number = slot + 1
            let destination = replicas.backupDirectory(ofSlot: slot).appendingPathComponent("manual-\(stamp)")
            let dataDirectory = replicas.dataDirectories[slot].path
            let step = ExecSpec(
                command: replicas.executable.path, arguments: ["backup", "--data", dataDirectory, "--to", destination.path],
                timeout: spec.timeout)
            do {
                let result = try await ExecAction(spec: step).perform(in: context)
                detail["replica\(number).backup"] = destination.lastPathComponent
                detail["replica\(number).output"] = result["output_tail"]
            } catch {
                throw ActionFailure("backing up replica \(number): \(error.message)", detail: error.detail)
            }
        }
        return detail
    }
}
