import Foundation
import Hummingbird

/// `GET /v1/models` and `GET /v1/models/{name}`: every model's versions, their states and the active one,
/// read from the registry.
struct ModelsEndpoint: Sendable {
    let registry: ModelRegistry
    let defaultModel: String

    func list() async throws -> Response {
        let (records, active) = try await snapshot()
        let names = Array(Set(records.map(\.name))).sorted()
        let models = names.map { name in
            ModelStatusResponse(
                name: name, versions: records.filter { $0.name == name }, active: active[name], isDefault: name == defaultModel)
        }
        return try Self.json(.ok, ModelListResponse(defaultModel: defaultModel, models: models))
    }

    func status(of name: String) async throws -> Response {
        let (records, active) = try await snapshot()
        let versions = records.filter { $0.name == name }
        if versions.isEmpty {
            let known = Array(Set(records.map(\.name))).sorted().joined(separator: ", ")
            throw ServiceError(.notFound, .unknownModel, "no model named '\(name)'; known models: \(known)")
        }
        return try Self.json(
            .ok, ModelStatusResponse(name: name, versions: versions, active: active[name], isDefault: name == defaultModel))
    }

    private func snapshot() async throws(ServiceError) -> ([ModelVersionRecord], [String: Int]) {
        do {
            return (try await registry.allVersions(), try await registry.activeVersions())
        } catch {
            throw ServiceError(.internalServerError, .storageError, error.description)
        }
    }

    static func json(_ status: HTTPResponse.Status, _ value: some Encodable, headers: HTTPFields = [:]) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = .sortedKeys
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
