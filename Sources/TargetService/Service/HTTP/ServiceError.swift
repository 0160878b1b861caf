import Foundation
import Hummingbird

/// An error the service answers with: an HTTP status, a code from a fixed set (safe as a metric label and for
/// grouping in reports), a human message, and any extra headers. Rendered as `{"error":{"code":…,"message":…}}`.
public struct ServiceError: HTTPResponseError, Sendable {
    /// The fixed set of error codes clients and reports can rely on.
    public enum Code: String, Sendable, CaseIterable {
        case badRequest = "bad_request"
        case malformedRequest = "malformed_request"
        case incompleteBody = "incomplete_body"
        case emptyBody = "empty_body"
        case corruptImage = "corrupt_image"
        case unsupportedImage = "unsupported_image"
        case imageTooLarge = "image_too_large"
        case bodyTooLarge = "body_too_large"
        case unsupportedMediaType = "unsupported_media_type"
        case unknownModel = "unknown_model"
        case notFound = "not_found"
        case methodNotAllowed = "method_not_allowed"
        case overloaded = "overloaded"
        case clientClosedRequest = "client_closed_request"
        case notReady = "not_ready"
        case internalError = "internal_error"
        case unauthorized = "unauthorized"
        case invalidToken = "invalid_token"
        case adminDisabled = "admin_disabled"
        case invalidModel = "invalid_model"
        case unknownVersion = "unknown_version"
        case noPreviousVersion = "no_previous_version"
        case modelBusy = "model_busy"
        case noDataDirectory = "no_data_directory"
        case modelLoadFailed = "model_load_failed"
        case storageError = "storage_error"
        case dataDirectoryFull = "data_directory_full"
        case dataDirectoryReadOnly = "data_directory_read_only"
        case invalidFeedback = "invalid_feedback"
    }

    public let status: HTTPResponse.Status
    public let code: Code
    public let message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ code: Code, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: jsonBody)))
    }

    /// `{"error":{"code":…,"message":…}}`, the body of every error answer.
    var jsonBody: Data {
        let body = ErrorBody(error: .init(code: code.rawValue, message: message))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(body)) ?? Data(#"{"error":{"code":"internal_error","message":""}}"#.utf8)
    }

    private struct ErrorBody: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
        }

        var error: Detail
    }
}

extension ServiceError {
    /// Maps a decoder failure: client input, so 400 (or 413 for too many pixels), never 5xx.
    init(_ error: ImageDecodeError) {
        switch error.code {
        case .empty: self.init(.badRequest, .emptyBody, error.message)
        case .corrupt: self.init(.badRequest, .corruptImage, error.message)
        case .unsupported: self.init(.badRequest, .unsupportedImage, error.message)
        case .tooLarge: self.init(.contentTooLarge, .imageTooLarge, error.message)
        }
    }
}

extension ServiceError {
    /// Maps a refused model change to its status: the caller's mistakes are 4xx, the service's own trouble 5xx.
    init(_ error: ModelRolloutError) {
        switch error.kind {
        case .unknownModel: self.init(.notFound, .unknownModel, error.message)
        case .unknownVersion: self.init(.notFound, .unknownVersion, error.message)
        case .invalidModel: self.init(.unprocessableContent, .invalidModel, error.message)
        case .noPreviousVersion: self.init(.conflict, .noPreviousVersion, error.message)
        case .busy: self.init(.conflict, .modelBusy, error.message, headers: [.retryAfter: "1"])
        case .noDataDirectory: self.init(.conflict, .noDataDirectory, error.message)
        case .loadFailed: self.init(.internalServerError, .modelLoadFailed, error.message)
        case .storage: self.init(.internalServerError, .storageError, error.message)
        }
    }
}
