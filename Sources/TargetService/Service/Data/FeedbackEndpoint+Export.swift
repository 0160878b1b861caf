import Foundation
import Hummingbird

extension FeedbackEndpoint {
    /// `GET /v1/feedback?email=` (admin token): every message stored from that address, the export that goes with
    /// the delete endpoint. Answers `{"feedback": [{id, name, email, message, created}]}`.
    func export(_ request: Request) async throws -> Response {
        try AdminAuthMiddleware<BasicRequestContext>.authorize(request, token: adminToken)
        guard let email = request.uri.queryParameters["email"].map(String.init), !email.isEmpty else {
            throw ServiceError(
                .badRequest, .badRequest, "name the person whose feedback to export: GET /v1/feedback?email=ADDRESS")
        }
        let messages: [StoredFeedback]
        do {
            messages = try await store.messages(from: email)
        } catch {
            throw ServiceError(.internalServerError, .storageError, error.description)
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(["feedback": messages])
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(bytes: body)))
    }
}
