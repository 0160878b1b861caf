/// `model.activate`: makes every replica serve a version. `uploaded` means the version each replica gave the
/// latest `model.upload` of this model. Replicas are switched one after another; the event records when the first
/// call started and the last answered, the window in which both versions may legitimately answer.
struct ModelActivateAction: ScenarioAction {
    let spec: ModelActivateSpec

    func perform(in context: ActionContext) async throws(ActionFailure) -> [String: String] {
        var detail = ["model": spec.model]
        let admin = try ModelAdmin(admin: spec.admin, context: context)
        let versions: [Int]
        switch spec.version {
        case .number(let version):
            versions = Array(repeating: version, count: admin.destinations.count)
            detail["requested"] = "\(version)"
        case .uploaded:
            guard let uploaded = context.uploadedVersions(of: spec.model), uploaded.count == admin.destinations.count else {
                throw ActionFailure("no successful model.upload of \(spec.model) ran before this action", detail: detail)
            }
            versions = uploaded
            detail["requested"] = "uploaded"
        }
        return try await ModelSwitch.run(
            admin: admin, model: spec.model, detail: detail, context: context,
            path: { index in DetectionServiceAPI.activatePath(model: spec.model, version: versions[index]) })
    }
}
