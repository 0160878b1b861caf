import Foundation
import Hummingbird
import NIOCore

/// `/admin/models/{name}/…`: upload a version, activate one, roll back. Authorization is `AdminAuthMiddleware`'s job.
struct AdminEndpoint: Sendable {
    let rollouts: ModelRollouts
    let registry: ModelRegistry
    let models: ModelsEndpoint
    /// Cascades are XML of up to a few MB; the limit only stops a runaway upload.
    let maxCascadeBytes: Int

    /// `POST /admin/models/{name}/versions`, body = cascade XML; `201` with the stored version.
    func upload(_ request: Request, name: String) async throws -> Response {
        let latest = try? await registry.versions(of: name).last
        let parameters = try Self.parameters(request.uri.queryParameters, defaults: latest?.parameters ?? DetectionParameters())
        let label = request.uri.queryParameters["label"].map(String.init)
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxCascadeBytes)
        } catch is NIOTooManyBytesError {
            throw ServiceError(
                .contentTooLarge, .bodyTooLarge, "the cascade exceeds the \(maxCascadeBytes)-byte limit",
                headers: [.connection: "close"])
        }
        if body.readableBytes == 0 {
            throw ServiceError(.badRequest, .emptyBody, "the request body is empty; send the cascade XML")
        }
        let record: ModelVersionRecord
        do {
            record = try await rollouts.upload(
                name: name, cascade: Array(body.readableBytesView), parameters: parameters, label: label)
        } catch {
            throw ServiceError(error)
        }
        let status = ModelStatusResponse(name: name, versions: [record], active: nil, isDefault: false).modelVersionStatus[0]
        return try ModelsEndpoint.json(
            .created, UploadResponse(model: name, version: record.version, status: status),
            headers: [.location: "/v1/models/\(name)"])
    }

    /// `POST /admin/models/{name}/activate?version=N`; `200` with the model's status once the version serves.
    func activate(_ request: Request, name: String) async throws -> Response {
        guard let text = request.uri.queryParameters["version"], let version = Int(text), version >= 1 else {
            throw ServiceError(.badRequest, .badRequest, "give the version to activate as ?version=N (N >= 1)")
        }
        do {
            _ = try await rollouts.activate(name: name, version: version)
        } catch {
            throw ServiceError(error)
        }
        return try await models.status(of: name)
    }

    /// `POST /admin/models/{name}/rollback`; `200` with the model's status.
    func rollback(name: String) async throws -> Response {
        do {
            _ = try await rollouts.rollback(name: name)
        } catch {
            throw ServiceError(error)
        }
        return try await models.status(of: name)
    }

    /// Detection parameters from `scale_factor`, `min_neighbors`, `min_size`, `max_size`; absent ones keep `defaults`.
    static func parameters(_ query: Parameters, defaults: DetectionParameters) throws(ServiceError) -> DetectionParameters {
        var parameters = defaults
        if let text = query["scale_factor"] {
            guard let value = Double(text) else { throw invalid("scale_factor", text, "a number > 1 such as 1.1") }
            parameters.scaleFactor = value
        }
        if let text = query["min_neighbors"] {
            guard let value = Int(text) else { throw invalid("min_neighbors", text, "a whole number such as 3") }
            parameters.minNeighbors = value
        }
        if let text = query["min_size"] {
            guard let value = PixelSize(parsing: String(text)) else { throw invalid("min_size", text, "WxH such as 30x30") }
            parameters.minSize = value
        }
        if let text = query["max_size"] {
            guard let value = PixelSize(parsing: String(text)) else { throw invalid("max_size", text, "WxH such as 300x300") }
            parameters.maxSize = value
        }
        return parameters
    }

    private static func invalid(_ name: String, _ value: Substring, _ expected: String) -> ServiceError {
        ServiceError(.badRequest, .badRequest, "query parameter \(name)=\(value) is not valid; expected \(expected)")
    }

    private struct UploadResponse: Encodable {
        var model: String
        var version: Int
        var status: ModelStatusResponse.VersionStatus
    }
}
