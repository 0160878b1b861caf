import Foundation

/// `model.upload`: POSTs the cascade file to `/admin/models/{model}/versions` of every replica and remembers the
/// version each one assigned, for a later `model.activate` with `version: uploaded`.
struct ModelUploadAction: ScenarioAction {
    let spec: ModelUploadSpec

    func perform(in context: ActionContext) async throws(ActionFailure) -> [String: String] {
        var detail = ["model": spec.model, "cascade": spec.cascade.lastPathComponent]
        for (name, value) in spec.parameters { detail["parameter.\(name)"] = value }
        let cascade: Data
        do {
            cascade = try Data(contentsOf: spec.cascade)
        } catch {
            throw ActionFailure("cannot read cascade \(spec.cascade.path): \(error.localizedDescription)", detail: detail)
        }
        let admin = try ModelAdmin(admin: spec.admin, context: context)
        var query = URLComponents()
        query.queryItems = spec.parameters.map { URLQueryItem(name: $0.name, value: $0.value) }
        let path =
            DetectionServiceAPI.uploadPath(model: spec.model)
            + (spec.parameters.isEmpty ? "" : "?\(query.percentEncodedQuery ?? "")")
        var versions: [Int] = []
        for destination in admin.destinations {
            let answer: [String: Any]
            do {
                answer = try await admin.send("POST", path, body: Array(cascade), to: destination)
            } catch {
                // Earlier replicas keep their new (inactive) version; the run's verdict says what happened.
                detail["versions"] = ModelAdmin.joined(versions)
                throw ActionFailure(error.message, detail: detail)
            }
            guard let version = answer["version"] as? Int else {
                throw ActionFailure("\(destination.label) accepted the upload but its answer has no version", detail: detail)
            }
            versions.append(version)
        }
        context.recordUpload(model: spec.model, versions: versions)
        detail["versions"] = ModelAdmin.joined(versions)
        return detail
    }
}
