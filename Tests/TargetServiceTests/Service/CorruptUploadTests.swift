import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Every corrupt or foreign upload the decoder tests know, sent to the real `targetservice serve` process: each
/// gets a 4xx with a JSON error, and the process is still alive and healthy afterwards.
@Suite struct CorruptUploadTests {
    @Test func corruptUploadsGet4xxAndTheProcessStaysUp() async throws {
        let server = try ServiceProcess(["serve", "--host", "127.0.0.1", "--port", "0", "--log-level", "warning"])
        let url = try await server.nextLine()
        let port = try #require(Int(url.split(separator: ":").last ?? ""))
        try await waitUntil("readiness", within: .seconds(30), every: .milliseconds(10)) {
            (try? await GracefulDrainTests.get("/readyz", port: port).status) == .ok
        }
        let variants = JPEGDecoderTests.corruptVariants
        #expect(variants.count >= 15)
        try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(30))) { client in
            for (name, bytes, code) in variants {
                let response = try await client.post(
                    "/v1/detect", headers: [.contentType: "image/jpeg"], body: ByteBuffer(bytes: bytes))
                let expected: HTTPResponse.Status = code == .tooLarge ? .contentTooLarge : .badRequest
                #expect(response.status == expected, "\(name): \(response.text)")
                #expect(response.text.contains("\"code\":\"\(code.rawValue)\""), "\(name): \(response.text)")
            }
        }
        #expect(server.process.isRunning)
        #expect(try await GracefulDrainTests.get("/healthz", port: port).status == .ok)
        server.signal(SIGTERM)
        #expect(try await server.exitStatus() == 0)
    }
}
