import Foundation
import Hummingbird
import NIOCore

extension WebPages {
    /// The form field that carries the JPEG, and the optional one that names the model.
    static let imageField = "image"
    static let modelField = "model"

    /// `GET /detect`: the upload form.
    func detectForm() throws -> Response {
        try detectPage(DetectContent(models: modelOptions(selected: nil), maxUpload: Self.byteCount(maxBodyBytes)))
    }

    /// `POST /detect` (multipart/form-data): runs the upload through the API's decode → detect path and shows the
    /// image with its boxes; a refused upload shows why, with the status `POST /v1/detect` would answer.
    func detectUpload(_ request: Request) async throws -> Response {
        var content = DetectContent(models: modelOptions(selected: nil), maxUpload: Self.byteCount(maxBodyBytes))
        do {
            let (model, result, image) = try await detect(request)
            content.models = modelOptions(selected: model.spec.name)
            content.result = DetectResultView(model: model.spec, result: result, jpeg: image.body, filename: image.filename)
            return try detectPage(content)
        } catch let error as ServiceError {
            content.error = DetectContent.Problem(code: error.code.rawValue, message: error.message)
            return try detectPage(content, status: error.status, headers: error.headers)
        }
    }

    private func detectPage(
        _ content: DetectContent, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) throws -> Response {
        try page("detect", title: "Detect", .detect, content, status: status, headers: headers)
    }

    private func modelOptions(selected: String?) -> [DetectContent.ModelOption] {
        guard let set = models.current else { return [] }
        return set.models.keys.sorted().map { name in
            DetectContent.ModelOption(name: name, selected: name == (selected ?? set.defaultModel))
        }
    }

    /// The checks of `POST /v1/detect`, in its order, for a form upload; every refusal is a `ServiceError`.
    private func detect(_ request: Request) async throws -> (LoadedModel, DetectionResult, MultipartFormData.Part) {
        guard let modelSet = models.current else {
            throw ServiceError(
                .serviceUnavailable, .notReady, "models are still loading; retry shortly", headers: [.retryAfter: "1"])
        }
        let boundary: String
        do {
            boundary = try MultipartFormData.boundary(fromContentType: request.headers[.contentType])
        } catch {
            throw ServiceError(.badRequest, .badRequest, error.message)
        }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBodyBytes {
            throw bodyTooLarge
        }
        guard pool.hasCapacity else { throw shed() }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw bodyTooLarge
        }
        let form: MultipartFormData
        do {
            form = try MultipartFormData(body: Array(body.readableBytesView), boundary: boundary)
        } catch {
            throw ServiceError(.badRequest, .badRequest, "the upload could not be read: \(error.message)")
        }
        guard let image = form.part(named: Self.imageField) else {
            let names = form.parts.map(\.name).joined(separator: ", ")
            throw ServiceError(
                .badRequest, .badRequest,
                "the form has no '\(Self.imageField)' file field (it has: \(names)); choose a JPEG to upload")
        }
        guard !image.body.isEmpty else {
            throw ServiceError(.badRequest, .emptyBody, "the uploaded file is empty; choose a JPEG to upload")
        }
        let requested =
            form.part(named: Self.modelField).map { String(decoding: $0.body, as: UTF8.self) }
            ?? request.uri.queryParameters["model"].map(String.init)
        let name = requested.flatMap { $0.isEmpty ? nil : $0 }
        guard let model = modelSet.model(named: name) else {
            let known = modelSet.models.keys.sorted().joined(separator: ", ")
            throw ServiceError(.notFound, .unknownModel, "no model named '\(name ?? "")'; available: \(known)")
        }

        let pipeline = self.pipeline
        let classifier = model.classifier
        let parameters = model.spec.parameters
        let bytes = image.body
        let outcome: Result<DetectionResult, ImageDecodeError>
        do {
            outcome = try await pool.run {
                Result { () throws(ImageDecodeError) in
                    try pipeline.run(bytes, classifier: classifier, parameters: parameters)
                }
            }
        } catch .overloaded {
            throw shed()
        } catch .stopped {
            throw ServiceError(.serviceUnavailable, .notReady, "the service is shutting down", headers: [.retryAfter: "1"])
        }
        switch outcome {
        case .success(let result): return (model, result, image)
        case .failure(let error): throw ServiceError(error)
        }
    }

    private func shed() -> ServiceError {
        metrics.requestShed()
        return ServiceError(
            .serviceUnavailable, .overloaded, "every detection worker is busy and the queue is full; retry in a moment",
            headers: [.retryAfter: "\(RetryAfter.seconds(for: pool.estimatedWait))"])
    }

    private var bodyTooLarge: ServiceError {
        // Closing makes the browser stop uploading the rest; see `HTTPServer`.
        ServiceError(
            .contentTooLarge, .bodyTooLarge,
            "the upload exceeds the \(Self.byteCount(maxBodyBytes)) limit; choose a smaller image",
            headers: [.connection: "close"])
    }
}
