/// The shared part of activate and rollback: one POST per replica, the version each now serves, and the switch
/// window on the run's clock (`switch_started_ms` → `switch_answered_ms`).
enum ModelSwitch {
    static func run(
        admin: ModelAdmin, model: String, detail: [String: String], context: ActionContext, path: (Int) -> String
    ) async throws(ActionFailure) -> [String: String] {
        var detail = detail
        detail["switch_started_ms"] = "\(context.elapsedMilliseconds)"
        var active: [Int] = []
        for (index, destination) in admin.destinations.enumerated() {
            do {
                let answer = try await admin.send("POST", path(index), to: destination)
                // STATUS carries versions as strings, as TF Serving does.
                let version = (answer["active_version"] as? String).flatMap(Int.init) ?? (answer["active_version"] as? Int) ?? 0
                active.append(version)
            } catch {
                detail["active_versions"] = ModelAdmin.joined(active)
                throw ActionFailure(error.message, detail: detail)
            }
        }
        detail["switch_answered_ms"] = "\(context.elapsedMilliseconds)"
        detail["active_versions"] = ModelAdmin.joined(active)
        if Set(active).count == 1, let version = active.first { detail["version"] = "\(version)" }
        return detail
    }
}
