import Foundation

/// The JSON of `GET /v1/models/{name}` (and each entry of `GET /v1/models`): TensorFlow Serving's model status
/// shape, `model_version_status[{version, state, status{error_code, error_message}}]`, plus which version is active
/// and what each version is.
struct ModelStatusResponse: Encodable {
    struct VersionStatus: Encodable {
        struct Status: Encodable {
            var errorCode: String
            var errorMessage: String
        }

        struct Parameters: Encodable {
            var scaleFactor: Double
            var minNeighbors: Int
            var minSize: String
            var maxSize: String
        }

        var version: String
        var state: String
        var status: Status
        var active: Bool
        var label: String
        var cascadeSha256: String
        var created: String
        var parameters: Parameters
    }

    var model: String
    var activeVersion: String?
    var `default`: Bool
    var modelVersionStatus: [VersionStatus]

    init(name: String, versions: [ModelVersionRecord], active: Int?, isDefault: Bool) {
        model = name
        activeVersion = active.map(String.init)
        self.default = isDefault
        modelVersionStatus = versions.map { record in
            VersionStatus(
                version: String(record.version),
                state: record.state.rawValue,
                // TF Serving says "OK" or a canonical error code; a failed load is all this service can report.
                status: .init(errorCode: record.errorMessage.isEmpty ? "OK" : "UNKNOWN", errorMessage: record.errorMessage),
                active: record.version == active,
                label: record.label,
                cascadeSha256: record.cascadeSha256,
                created: record.created.formatted(.iso8601),
                parameters: .init(
                    scaleFactor: record.scaleFactor, minNeighbors: record.minNeighbors, minSize: record.minSize,
                    maxSize: record.maxSize)
            )
        }
    }
}

/// The JSON of `GET /v1/models`.
struct ModelListResponse: Encodable {
    var defaultModel: String
    var models: [ModelStatusResponse]
}
