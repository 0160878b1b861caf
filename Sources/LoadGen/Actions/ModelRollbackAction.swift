/// `model.rollback`: every replica goes back to the version it served before the current one.
struct ModelRollbackAction: ScenarioAction {
    let spec: ModelRollbackSpec

    func perform(in context: ActionContext) async throws(ActionFailure) -> [String: String] {
        let admin = try ModelAdmin(admin: spec.admin, context: context)
        return try await ModelSwitch.run(
            admin: admin, model: spec.model, detail: ["model": spec.model], context: context,
            path: { _ in DetectionServiceAPI.rollbackPath(model: spec.model) })
    }
}
