import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
@testable import TargetService

/// The feedback store: validation, erasure by email behind the admin token, and retention.
@Suite struct FeedbackTests {
    static let json: HTTPFields = [.contentType: "application/json"]

    static func body(_ name: String, _ email: String, _ message: String) -> ByteBuffer {
        let object = ["name": name, "email": email, "message": message]
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    @Test func storesValidFeedbackAndErasesItByEmail() async throws {
        let data = try TemporaryDirectory()
        try await RunningService.withAdmin(data: data.path) { service in
            try await service.withClient { client in
                let created = try await client.post(
                    "/v1/feedback", headers: Self.json, body: Self.body("Ada", "ada@example.com", "Works well."))
                #expect(created.status == .created, "\(created.text)")
                #expect(created.text.contains(#""id":1"#))
                _ = try await client.post("/v1/feedback", headers: Self.json, body: Self.body("Ada", "ADA@example.com", "Again."))
                _ = try await client.post("/v1/feedback", headers: Self.json, body: Self.body("Bob", "bob@example.com", "Hi."))

                let anonymous = try await client.delete("/v1/feedback?email=ada@example.com", body: ByteBuffer())
                #expect(anonymous.status == .unauthorized)
                let erased = try await client.delete(
                    "/v1/feedback?email=ada@example.com", headers: RunningService.bearer, body: ByteBuffer())
                #expect(erased.status == .ok)
                #expect(erased.text == #"{"deleted":2}"#)
            }
            #expect(try await service.service.feedback.count() == 1)
        }
    }

    @Test func refusesInvalidFeedbackSayingWhy() async throws {
        try await RunningService.with { service in
            try await service.withClient { client in
                let invalid = try await client.post("/v1/feedback", headers: Self.json, body: Self.body(" ", "not-an-email", ""))
                #expect(invalid.status == .unprocessableContent)
                #expect(try DetectEndpointTests.errorCode(invalid) == "invalid_feedback")
                #expect(
                    invalid.text.contains("name must be") && invalid.text.contains("email must")
                        && invalid.text.contains("message must"))

                let notJSON = try await client.post("/v1/feedback", headers: Self.json, body: ByteBuffer(string: "hello"))
                #expect(notJSON.status == .badRequest)
            }
        }
    }

    @Test(arguments: [
        ("a@b.co", true), ("a.b@c.d.e", true), ("@b.co", false), ("a@b", false), ("a@@b.co", false), ("a b@c.co", false),
        ("a@b.", false),
    ])
    func emailShape(email: String, valid: Bool) {
        #expect(FeedbackSubmission.looksLikeEmail(email) == valid)
    }

    @Test func retentionDeletesOnlyOldFeedbackAndLogEntries() async throws {
        let registry = try ModelRegistry(dataDirectory: nil)
        let store = FeedbackStore(database: registry.database)
        let log = DetectionLog(database: registry.database)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try await store.add(
            .init(name: "Old", email: "old@example.com", message: "m"), now: now.addingTimeInterval(-3 * 86_400))
        _ = try await store.add(.init(name: "New", email: "new@example.com", message: "m"), now: now.addingTimeInterval(-3_600))
        log.record(
            .init(requestID: "old", time: now.addingTimeInterval(-3 * 86_400), model: "face", modelVersion: 1, boxCount: 0))
        log.record(.init(requestID: "new", time: now.addingTimeInterval(-60), model: "face", modelVersion: 1, boxCount: 2))
        try await log.flush()

        let purger = RetentionPurger(
            retention: .seconds(86_400), every: .seconds(60), feedback: store, detections: log, logger: Logger(label: "test"))
        await purger.purge(now: now)
        #expect(try await store.count() == 1)
        #expect(try await store.count(from: "new@example.com") == 1)
        #expect(try await log.stored().map(\.requestID) == ["new"])
    }
}
