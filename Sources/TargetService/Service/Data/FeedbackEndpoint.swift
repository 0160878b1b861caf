import Foundation
import Hummingbird
import NIOCore

/// `POST /v1/feedback` (anyone: name, email, message) and `DELETE /v1/feedback?email=` (admin token: erases that
/// person's messages).
struct FeedbackEndpoint: Sendable {
    let store: FeedbackStore
    let adminToken: AdminToken?
    static let maxBodyBytes = 64 * 1024

    func submit(_ request: Request) async throws -> Response {
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw ServiceError(
                .contentTooLarge, .bodyTooLarge, "feedback is limited to \(Self.maxBodyBytes) bytes",
                headers: [.connection: "close"])
        }
        let submission: FeedbackSubmission
        do {
            submission = try JSONDecoder().decode(FeedbackSubmission.self, from: Data(buffer: body))
        } catch {
            throw ServiceError(
                .badRequest, .badRequest, #"send JSON like {"name": "…", "email": "…", "message": "…"} (all three are strings)"#)
        }
        let problems = submission.problems
        if !problems.isEmpty {
            throw ServiceError(.unprocessableContent, .invalidFeedback, problems.joined(separator: "; "))
        }
        let id: Int64
        do {
            id = try await store.add(submission)
        } catch {
            throw error.serviceError(doing: "store feedback")
        }
        return try ModelsEndpoint.json(.created, ["id": id])
    }

    func erase(_ request: Request) async throws -> Response {
        try AdminAuthMiddleware<BasicRequestContext>.authorize(request, token: adminToken)
        guard let email = request.uri.queryParameters["email"].map(String.init), !email.isEmpty else {
            throw ServiceError(
                .badRequest, .badRequest, "name the person whose feedback to delete: DELETE /v1/feedback?email=ADDRESS")
        }
        let deleted: Int
        do {
            deleted = try await store.deleteAll(from: email)
        } catch {
            throw error.serviceError(doing: "delete feedback")
        }
        return try ModelsEndpoint.json(.ok, ["deleted": deleted])
    }
}
