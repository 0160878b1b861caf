/// The shared part of activate and rollback: one POST per replica, all at once so the window in which replicas
/// disagree stays short, the version each now serves, and the switch window on the run's clock
/// (`switch_started_ms` → `switch_answered_ms`).
enum ModelSwitch {
    static func run(
        admin: ModelAdmin, model: String, detail: [String: String], context: ActionContext,
        path: @escaping @Sendable (Int) -> String
    ) async throws(ActionFailure) -> [String: String] {
        var detail = detail
        detail["switch_started_ms"] = "\(context.elapsedMilliseconds)"
        let answers = await withTaskGroup(of: (Int, Result<Int, ActionFailure>).self) { group in
            for (index, destination) in admin.destinations.enumerated() {
                group.addTask {
                    do throws(ActionFailure) {
                        let answer = try await admin.send("POST", path(index), to: destination)
                        // STATUS carries versions as strings, as TF Serving does.
                        let version =
                            (answer["active_version"] as? String).flatMap(Int.init) ?? (answer["active_version"] as? Int) ?? 0
                        return (index, .success(version))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var answers: [(Int, Result<Int, ActionFailure>)] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }.map(\.1)
        }
        detail["switch_answered_ms"] = "\(context.elapsedMilliseconds)"
        let active = answers.map { (try? $0.get()).map(String.init) ?? "failed" }
        detail["active_versions"] = active.joined(separator: ",")
        let failures = answers.compactMap { if case .failure(let failure) = $0 { failure.message } else { nil } }
        if !failures.isEmpty { throw ActionFailure(failures.joined(separator: "; "), detail: detail) }
        if Set(active).count == 1, let version = active.first { detail["version"] = version }
        return detail
    }
}
