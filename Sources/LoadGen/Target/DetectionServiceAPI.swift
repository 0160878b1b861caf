/// What loadgen knows of the detection service's HTTP interface — the bundled `targetservice`, or any service that
/// speaks its API (docs/service.md): the paths and the header the engine, the model actions, the recovery probes
/// and the bundled target's readiness check rely on. Nothing else in loadgen spells them.
enum DetectionServiceAPI {
    /// Response header naming the model version that answered; version tracking and rollback checks read it.
    static let modelVersionHeader = "x-model-version"
    /// 200 once every model is loaded and the service takes detections; 503 while starting or draining.
    static let readinessPath = "/readyz"

    /// Uploads a new (inactive) cascade version of `model`; the answer names the version assigned.
    static func uploadPath(model: String) -> String { "/admin/models/\(model)/versions" }
    /// Makes `version` of `model` the one that answers.
    static func activatePath(model: String, version: Int) -> String { "/admin/models/\(model)/activate?version=\(version)" }
    /// Goes back to the version `model` served before the current one.
    static func rollbackPath(model: String) -> String { "/admin/models/\(model)/rollback" }
}
