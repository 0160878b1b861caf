import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// SIGTERM against the real `targetservice serve` process: readiness turns 503, the request in flight still
/// completes with 200, and the process exits 0.
@Suite struct GracefulDrainTests {
    @Test func sigtermDrainsInFlightWorkAndExitsZero() async throws {
        let data = try TemporaryDirectory()
        // A very fine scale step makes the one detection last seconds: long enough to be seen running by a
        // /metrics poll and still be running when SIGTERM arrives, even while the whole suite loads the machine
        // (with 1.01 it lasted well under a second and a slow poll could miss it entirely).
        _ = try data.write(
            "models.json",
            Array(
                """
                {"models": [{"name": "face", "cascade": "\(Fixtures.faceCascade)", "parameters": {"scale_factor": 1.002}}]}
                """.utf8))
        let server = try ServiceProcess([
            "serve", "--host", "127.0.0.1", "--port", "0", "--data", data.path, "--workers", "1",
            "--shutdown-delay", "2s", "--drain-timeout", "20s", "--log-level", "warning",
        ])
        let url = try await server.nextLine()
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let port = try #require(Int(url.split(separator: ":").last ?? ""))

        try await waitUntil("readiness", within: .seconds(30), every: .milliseconds(10)) {
            (try? await Self.get("/readyz", port: port).status) == .ok
        }
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        let slowRequest = Task {
            try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60))) {
                client in
                try await client.post("/v1/detect", headers: [.contentType: "image/jpeg"], body: ByteBuffer(bytes: image)).status
            }
        }
        // Generous: on a 2-core machine running the whole suite in parallel, the upload can wait for CPU for seconds.
        try await waitUntil("the detection to start", within: .seconds(60), every: .milliseconds(10)) {
            try await Self.get("/metrics", port: port).text.contains("targetservice_detect_workers_busy 1")
        }

        server.signal(SIGTERM)
        try await waitUntil("readiness to report draining", within: .seconds(2), every: .milliseconds(10)) {
            (try? await Self.get("/readyz", port: port).status) == .serviceUnavailable
        }
        #expect(try await withTimeout(.seconds(60), "the in-flight request") { try await slowRequest.value } == .ok)
        #expect(try await server.exitStatus() == 0, "stderr: \(server.stderr)")
    }

    static func get(_ path: String, port: Int) async throws -> TestClient.Response {
        try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(5))) { client in
            try await client.get(path)
        }
    }
}
