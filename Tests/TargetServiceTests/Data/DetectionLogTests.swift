import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import TargetService

/// The detection log: one entry per answered detection with the request id and model version, buffered in
/// memory (bounded) and written in batches.
@Suite struct DetectionLogTests {
    @Test func logsEachDetectionWithItsRequestIDAndVersion() async throws {
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        try await RunningService.with { service in
            try await service.withClient { client in
                var headers = DetectEndpointTests.jpeg
                headers[.init("X-Request-Id")!] = "req-1"
                let response = try await client.post("/v1/detect", headers: headers, body: ByteBuffer(bytes: image))
                #expect(response.status == .ok)
                #expect(response.headers[.init("X-Request-Id")!] == "req-1")
                let second = try await client.post(
                    "/v1/detect", headers: DetectEndpointTests.jpeg, body: ByteBuffer(bytes: image))
                #expect(second.headers[.init("X-Request-Id")!]?.isEmpty == false)
            }
            // Flushed here rather than waiting for the writer's tick.
            try await service.service.detectionLog.flush()
            let entries = try await service.service.detectionLog.stored()
            #expect(entries.count == 2)
            #expect(entries.first?.requestID == "req-1")
            #expect(entries.allSatisfy { $0.model == "face" && $0.modelVersion == 3 && $0.boxCount == 1 })
        }
    }

    @Test func aFullBufferDropsAndCountsRatherThanGrowing() async throws {
        let registry = try ModelRegistry(dataDirectory: nil)
        let log = DetectionLog(database: registry.database, capacity: 2)
        for number in 0..<3 {
            log.record(.init(requestID: "r\(number)", time: Date(), model: "face", modelVersion: 1, boxCount: 0))
        }
        #expect(log.dropped == 1)
        #expect(try await log.flush() == 2)
        #expect(log.dropped == 0)
        #expect(try await log.flush() == 0)
    }
}
