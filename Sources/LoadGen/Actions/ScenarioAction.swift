/// One kind of `actions:` step. Each kind lives in its own file; `ActionKind.runnable` maps the scenario's choice
/// to it. `perform` returns what the event's detail should record (parameters and result), or throws.
protocol ScenarioAction: Sendable {
    func perform(in context: ActionContext) async throws(ActionFailure) -> [String: String]
}

extension ActionKind {
    /// The implementation of this kind.
    var runnable: any ScenarioAction {
        switch self {
        case .modelUpload(let spec): ModelUploadAction(spec: spec)
        case .modelActivate(let spec): ModelActivateAction(spec: spec)
        case .modelRollback(let spec): ModelRollbackAction(spec: spec)
        case .replicaRestart(let spec): ReplicaRestartAction(spec: spec)
        case .backup(let spec): BackupAction(spec: spec)
        case .disaster(let spec): DisasterAction(spec: spec)
        case .restore(let spec): RestoreAction(spec: spec)
        case .http(let spec): HTTPCallAction(spec: spec)
        case .exec(let spec): ExecAction(spec: spec)
        }
    }
}
