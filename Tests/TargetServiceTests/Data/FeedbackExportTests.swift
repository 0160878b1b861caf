import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import TargetService

/// `GET /v1/feedback?email=` returns one person's messages, and only to the admin token.
@Suite struct FeedbackExportTests {
    @Test func exportsOnePersonsMessagesBehindTheAdminToken() async throws {
        let data = try TemporaryDirectory()
        try await RunningService.withAdmin(data: data.path) { service in
            try await service.withClient { client in
                _ = try await client.post(
                    "/v1/feedback", headers: FeedbackTests.json, body: FeedbackTests.body("Ada", "ada@example.com", "first"))
                _ = try await client.post(
                    "/v1/feedback", headers: FeedbackTests.json, body: FeedbackTests.body("Bob", "bob@example.com", "other"))
                _ = try await client.post(
                    "/v1/feedback", headers: FeedbackTests.json, body: FeedbackTests.body("Ada", "ada@example.com", "second"))

                let anonymous = try await client.get("/v1/feedback?email=ada@example.com")
                #expect(anonymous.status == .unauthorized)
                let missingEmail = try await client.get("/v1/feedback", headers: RunningService.bearer)
                #expect(missingEmail.status == .badRequest)

                let exported = try await client.get("/v1/feedback?email=ada@example.com", headers: RunningService.bearer)
                #expect(exported.status == .ok)
                let object = try JSONSerialization.jsonObject(with: Data(exported.text.utf8)) as? [String: [[String: Any]]]
                let messages = try #require(object?["feedback"])
                #expect(messages.map { $0["message"] as? String } == ["first", "second"])
                #expect(messages.allSatisfy { $0["email"] as? String == "ada@example.com" && $0["created"] is String })
            }
        }
    }
}
