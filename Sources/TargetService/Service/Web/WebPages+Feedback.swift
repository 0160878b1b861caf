import Foundation
import Hummingbird
import NIOCore

extension WebPages {
    /// `GET /feedback`: the empty form.
    func feedbackForm() throws -> Response {
        try page("feedback", title: "Feedback", .feedback, FeedbackFormContent())
    }

    /// `POST /feedback` (application/x-www-form-urlencoded): the rules and store of `POST /v1/feedback`. A broken
    /// rule shows the form again with the submitted values and the problem next to its field (422, as the API).
    func feedbackSubmit(_ request: Request) async throws -> Response {
        let mediaType = (request.headers[.contentType] ?? "").split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
            .lowercased()
        guard mediaType == "application/x-www-form-urlencoded" else {
            return try feedbackPage(
                .init(
                    formError:
                        "send the form as application/x-www-form-urlencoded (got \(request.headers[.contentType] ?? "no Content-Type"))"
                ),
                status: .unsupportedMediaType)
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: FeedbackEndpoint.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            return try feedbackPage(
                .init(formError: "feedback is limited to \(Self.byteCount(FeedbackEndpoint.maxBodyBytes))"),
                status: .contentTooLarge, headers: [.connection: "close"])
        }
        let form: URLEncodedForm
        do {
            form = try URLEncodedForm(String(decoding: body.readableBytesView, as: UTF8.self))
        } catch {
            return try feedbackPage(.init(formError: error.message), status: .badRequest)
        }
        let submission = FeedbackSubmission(name: form["name"], email: form["email"], message: form["message"])
        let problems = submission.problems
        guard problems.isEmpty else {
            return try feedbackPage(
                FeedbackFormContent(submission: submission, problems: problems), status: .unprocessableContent)
        }
        let id: Int64
        do {
            id = try await feedback.add(submission)
        } catch {
            var content = FeedbackFormContent(submission: submission, problems: [])
            content.formError = "your message could not be stored (\(error.description)); please try again later"
            return try feedbackPage(content, status: .internalServerError)
        }
        let name = submission.name.trimmingCharacters(in: .whitespacesAndNewlines)
        return try page("feedback-sent", title: "Thank you", .feedback, FeedbackSentContent(name: name, id: id))
    }

    private func feedbackPage(
        _ content: FeedbackFormContent, status: HTTPResponse.Status, headers: HTTPFields = [:]
    ) throws -> Response {
        try page("feedback", title: "Feedback", .feedback, content, status: status, headers: headers)
    }
}
