import Foundation
import Hummingbird
import NIOCore

/// `POST /v1/detect[?model=NAME]`: a JPEG body in, the model's detections out.
///
/// Checks run cheapest first and nothing is read that a check can refuse: readiness, model, content type, the
/// declared length and a full queue come before the body, and the body is read with a cap. Decoding and detection run on the
/// worker pool; when it is full the request is shed with 503 at once rather than queued without bound.
struct DetectEndpoint: Sendable {
    let models: ActiveModels
    let pool: DetectionWorkerPool
    let metrics: ServiceMetrics
    let pipeline: DetectionPipeline
    let maxBodyBytes: Int
    /// Gets one entry per answered detection; buffered, so logging costs the request one lock.
    let detectionLog: DetectionLog?
    /// How long a connection's repeated refusals are held (see `ShedPacing`).
    var shedPacing = ShedPacing()

    /// Seconds a client should wait while the models load or the service stops (a shed request gets `RetryAfter`).
    static let retryAfterSeconds = 1

    func handle(_ request: Request, context: some RequestContext) async throws -> Response {
        guard let modelSet = models.current else {
            throw ServiceError(
                .serviceUnavailable, .notReady, "models are still loading; retry shortly",
                headers: [.retryAfter: "\(Self.retryAfterSeconds)"])
        }
        let name = request.uri.queryParameters["model"].map(String.init)
        guard let model = modelSet.model(named: name) else {
            let known = modelSet.models.keys.sorted().joined(separator: ", ")
            throw ServiceError(.notFound, .unknownModel, "no model named '\(name ?? "")'; available: \(known)")
        }
        try checkContentType(request)
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBodyBytes {
            throw bodyTooLarge
        }
        // Shedding before the body is read keeps a refused request cheap, so a flood of them does not steal the
        // CPU the workers need; admission is checked again when the job is submitted.
        let client = ClientConnection.current
        guard pool.hasCapacity else { throw await shed(client) }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw bodyTooLarge
        }
        if body.readableBytes == 0 {
            throw ServiceError(.badRequest, .emptyBody, "the request body is empty; send the JPEG bytes")
        }

        let pipeline = self.pipeline
        let classifier = model.classifier
        let parameters = model.spec.parameters
        let submitted = ContinuousClock.now
        let outcome: (Result<DetectionResult, ImageDecodeError>, Duration)
        client?.beginWaiting()
        defer { client?.endWaiting() }
        do {
            outcome = try await pool.run(isAbandoned: { client?.hasDeparted ?? false }) {
                client?.endWaiting()
                client?.recordAdmitted()
                let queued = ContinuousClock.now - submitted
                let result = Result { () throws(ImageDecodeError) in
                    try pipeline.run(body.readableBytesView, classifier: classifier, parameters: parameters)
                }
                return (result, queued)
            }
        } catch .overloaded {
            throw await shed(client)
        } catch .abandoned {
            metrics.detectionAbandoned()
            // Nobody reads this answer; its status is what the metrics and logs show (nginx's 499).
            throw ServiceError(
                .clientClosedRequest, .clientClosedRequest, "the client closed the connection before a worker was free")
        } catch .stopped {
            throw ServiceError(
                .serviceUnavailable, .notReady, "the service is shutting down",
                headers: [.retryAfter: "\(Self.retryAfterSeconds)"])
        }
        let result: DetectionResult
        switch outcome.0 {
        case .success(let value): result = value
        case .failure(let error): throw ServiceError(error)
        }

        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(DetectResponse(model: model.spec, result: result, queued: outcome.1))
        let requestID = request.headers[.requestID].flatMap { $0.isEmpty || $0.count > 128 ? nil : $0 } ?? UUID().uuidString
        detectionLog?.record(
            DetectionLogEntry(
                requestID: requestID, time: Date(), model: model.spec.name,
                modelVersion: model.spec.version, boxCount: result.detections.count))
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/json; charset=utf-8", .modelVersion: "\(model.spec.version)", .requestID: requestID,
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: json))
        )
    }

    /// The 503 of a full queue; held first when this connection was refused just before (see `ShedPacing`).
    private func shed(_ client: ClientConnection?) async -> ServiceError {
        metrics.requestShed()
        if let client {
            let hold = shedPacing.hold(consecutiveSheds: client.recordShed(), estimatedWait: pool.estimatedWait)
            if hold > .zero {
                metrics.shedHeld()
                // One timer per held answer; a client that leaves meanwhile just never reads it.
                try? await Task.sleep(for: hold)
            }
        }
        return ServiceError(
            .serviceUnavailable, .overloaded, "every detection worker is busy and the queue is full; retry later",
            headers: [.retryAfter: "\(RetryAfter.seconds(for: pool.estimatedWait))"])
    }

    private var bodyTooLarge: ServiceError {
        // Closing makes the client stop uploading the rest; see `HTTPServer`.
        ServiceError(
            .contentTooLarge, .bodyTooLarge, "the body exceeds the \(maxBodyBytes)-byte limit; send a smaller image",
            headers: [.connection: "close"])
    }

    private func checkContentType(_ request: Request) throws(ServiceError) {
        let value = request.headers[.contentType] ?? ""
        let mediaType =
            value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard mediaType == "image/jpeg" else {
            let got = value.isEmpty ? "no Content-Type" : "Content-Type '\(value)'"
            throw ServiceError(
                .unsupportedMediaType, .unsupportedMediaType, "send the image as Content-Type: image/jpeg (got \(got))")
        }
    }
}

extension HTTPResponse.Status {
    /// nginx's status for a request whose client went away before the answer; never seen by a client.
    static let clientClosedRequest = Self(code: 499, reasonPhrase: "Client Closed Request")
}

extension HTTPFields.Element.Name {
    /// The version of the model that produced a detection response.
    static let modelVersion = Self("X-Model-Version")!
    /// The client's request id (up to 128 characters), or one the service made up; echoed and logged.
    static let requestID = Self("X-Request-Id")!
}
