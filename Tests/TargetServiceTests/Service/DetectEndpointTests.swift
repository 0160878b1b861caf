import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import TargetService

/// Every status `POST /v1/detect` and its neighbours can answer, against a real server on 127.0.0.1 port 0.
@Suite struct DetectEndpointTests {
    static let jpeg: HTTPFields = [.contentType: "image/jpeg"]

    struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var code: String
            var message: String
        }

        var error: Detail
    }

    static func errorCode(_ response: TestClient.Response) throws -> String {
        try JSONDecoder().decode(ErrorBody.self, from: response.data).error.code
    }

    @Test func detectsGraceHoppersFaceWithTheDefaultModel() async throws {
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        try await RunningService.with { service in
            try await service.withClient { client in
                let response = try await client.post("/v1/detect", headers: Self.jpeg, body: ByteBuffer(bytes: image))
                #expect(response.status == .ok)
                #expect(response.headers[.init("X-Model-Version")!] == "3")
                let json = try #require(try JSONSerialization.jsonObject(with: response.data) as? [String: Any])
                #expect(json["model"] as? String == "face")
                #expect(json["version"] as? Int == 3)
                #expect(json["image"] as? [String: Int] == ["width": 512, "height": 600])
                let detections = try #require(json["detections"] as? [[String: Any]])
                #expect(detections.count == 1)
                #expect(detections.first?["label"] as? String == "face")
                #expect(detections.first?["box"] as? [Int] == [155, 104, 224, 224])
                let timing = try #require(json["timing"] as? [String: Double])
                #expect(Set(timing.keys) == ["queue_ms", "decode_ms", "detect_ms"])
            }
        }
    }

    @Test func clientMistakesGetTheirOwnCodes() async throws {
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        try await RunningService.with(configure: { $0.maxBodyBytes = 200_000 }) { service in
            try await service.withClient { client in
                let cases: [(String, HTTPFields, [UInt8], HTTPResponse.Status, String)] = [
                    ("/v1/detect", Self.jpeg, [], .badRequest, "empty_body"),
                    ("/v1/detect", Self.jpeg, Array("not a picture".utf8), .badRequest, "unsupported_image"),
                    ("/v1/detect", Self.jpeg, Array(image.prefix(20_000)), .badRequest, "corrupt_image"),
                    ("/v1/detect", [.contentType: "image/png"], image, .unsupportedMediaType, "unsupported_media_type"),
                    ("/v1/detect", [:], image, .unsupportedMediaType, "unsupported_media_type"),
                    ("/v1/detect?model=unicorn", Self.jpeg, image, .notFound, "unknown_model"),
                ]
                for (uri, headers, body, status, code) in cases {
                    let response = try await client.post(uri, headers: headers, body: ByteBuffer(bytes: body))
                    #expect(response.status == status, "\(uri) \(code)")
                    #expect(try Self.errorCode(response) == code)
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                }
            }
        }
    }

    @Test func corruptImageMessageIsLibjpegsReason() async throws {
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        try await RunningService.with { service in
            try await service.withClient { client in
                let response = try await client.post(
                    "/v1/detect", headers: Self.jpeg, body: ByteBuffer(bytes: image.prefix(20_000)))
                let body = try JSONDecoder().decode(ErrorBody.self, from: response.data)
                #expect(body.error.message.contains("Premature end of JPEG file"))
            }
        }
    }

    @Test func imageOverThePixelLimitIs413() async throws {
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        try await RunningService.with(configure: { $0.maxPixels = 100_000 }) { service in
            try await service.withClient { client in
                let response = try await client.post("/v1/detect", headers: Self.jpeg, body: ByteBuffer(bytes: image))
                #expect(response.status == .contentTooLarge)
                #expect(try Self.errorCode(response) == "image_too_large")
            }
        }
    }

    @Test func bodyOverTheLimitIs413AndTheConnectionCloses() async throws {
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        try await RunningService.with(configure: { $0.maxBodyBytes = 10_000 }) { service in
            try await service.withClient { client in
                let response = try await client.post("/v1/detect", headers: Self.jpeg, body: ByteBuffer(bytes: image))
                #expect(response.status == .contentTooLarge)
                #expect(try Self.errorCode(response) == "body_too_large")
                #expect(response.headers[.connection] == "close")
            }
        }
    }

    /// The declared length alone decides: the server answers before the (never sent) gigabyte arrives.
    @Test func declaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() async throws {
        try await RunningService.with { service in
            let head = "POST /v1/detect HTTP/1.1\r\nHost: test\r\nContent-Type: image/jpeg\r\nContent-Length: 1000000000\r\n\r\n"
            let reply = try await RawHTTP.exchange(
                port: service.port, sending: Array(head.utf8) + [0xFF, 0xD8] + Array(repeating: 0, count: 4096))
            #expect(reply.hasPrefix("HTTP/1.1 413"))
            #expect(reply.contains(#""code":"body_too_large""#))
        }
    }

    @Test func knownPathsAnswer405WithAllowAndUnknownPaths404() async throws {
        try await RunningService.with { service in
            try await service.withClient { client in
                let wrongMethod = try await client.get("/v1/detect")
                #expect(wrongMethod.status == .methodNotAllowed)
                #expect(wrongMethod.headers[.allow] == "POST")
                #expect(try Self.errorCode(wrongMethod) == "method_not_allowed")

                let postHealth = try await client.post("/healthz", body: ByteBuffer())
                #expect(postHealth.status == .methodNotAllowed)
                #expect(postHealth.headers[.allow] == "GET, HEAD")

                let unknown = try await client.get("/v2/detect")
                #expect(unknown.status == .notFound)
                #expect(try Self.errorCode(unknown) == "not_found")
            }
        }
    }

    @Test func healthReadinessAndMetrics() async throws {
        try await RunningService.with { service in
            try await service.withClient { client in
                #expect(try await client.get("/healthz").status == .ok)
                #expect(try await client.get("/readyz").status == .ok)
                _ = try await client.post("/v1/detect", headers: [.contentType: "text/plain"], body: ByteBuffer(string: "x"))
                let metrics = try await client.get("/metrics").text
                #expect(metrics.contains(#"targetservice_http_requests_total{route="/v1/detect",method="POST",status="415"} 1"#))
                #expect(metrics.contains(#"targetservice_model_version{model="face"} 3"#))
                #expect(metrics.contains("targetservice_http_request_duration_seconds_bucket"))
                #expect(metrics.contains("targetservice_detect_queue_depth 0"))
                #expect(metrics.contains("targetservice_detect_shed_total 0"))
                #expect(metrics.contains("targetservice_http_requests_in_flight"))
            }
        }
    }

    /// Before the models have loaded: alive, not ready, and detection says so with 503 rather than failing.
    @Test func notReadyWhileModelsLoad() async throws {
        let pool = DetectionWorkerPool(workers: 1, queueDepth: 0)
        let metrics = ServiceMetrics()
        let endpoint = DetectEndpoint(
            models: ActiveModels(), pool: pool, metrics: metrics, pipeline: DetectionPipeline(), maxBodyBytes: 1000,
            detectionLog: nil)
        let registry = try ModelRegistry(dataDirectory: nil)
        let models = ModelsEndpoint(registry: registry, defaultModel: "face")
        let rollouts = ModelRollouts(registry: registry, models: ActiveModels(), metrics: metrics, logger: .init(label: "test"))
        let admin = AdminEndpoint(rollouts: rollouts, registry: registry, models: models, maxCascadeBytes: 1000)
        let feedback = FeedbackEndpoint(store: FeedbackStore(database: registry.database), adminToken: nil)
        let router = ServiceRouter.make(
            detect: endpoint, models: models, admin: admin, feedback: feedback, adminToken: nil,
            readiness: Readiness(), metrics: metrics, pool: pool)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect(String(buffer: ready.body).contains("loading"))
            let detect = try await client.execute(
                uri: "/v1/detect", method: .post, headers: Self.jpeg, body: ByteBuffer(bytes: [0xFF, 0xD8]))
            #expect(detect.status == .serviceUnavailable)
            #expect(detect.headers[.retryAfter] != nil)
            let code = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: detect.body)).error.code
            #expect(code == "not_ready")
        }
        await pool.shutdown()
    }
}
