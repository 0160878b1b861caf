import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Against the real `targetservice serve` process: a queued detection whose client closed its connection (curl giving
/// up) is not run, while one whose client only half-closed (shut its sending side, still reading) is run and answered
/// after an interim `102 Processing`. And a connection that keeps sending into a full queue gets its repeated 503s
/// held, each longer than the last.
@Suite struct ClientDepartureTests {
    /// A model whose one detection lasts seconds (a very fine scale step), so jobs queue behind it for sure.
    private static func slowModelData() throws -> TemporaryDirectory {
        let data = try TemporaryDirectory()
        _ = try data.write(
            "models.json",
            Array(
                """
                {"models": [{"name": "face", "cascade": "\(Fixtures.faceCascade)", "parameters": {"scale_factor": 1.002}}]}
                """.utf8))
        return data
    }

    private static func start(_ extra: [String], data: borrowing TemporaryDirectory) async throws -> (ServiceProcess, Int) {
        let server = try ServiceProcess(
            ["serve", "--host", "127.0.0.1", "--port", "0", "--data", data.path, "--log-level", "warning"] + extra)
        let url = try await server.nextLine()
        guard let port = url.split(separator: ":").last.flatMap({ Int($0) }) else {
            throw ProcessError("the service printed '\(url)' instead of its address")
        }
        try await waitUntil("readiness", within: .seconds(30), every: .milliseconds(10)) {
            (try? await GracefulDrainTests.get("/readyz", port: port).status) == .ok
        }
        return (server, port)
    }

    private static func metric(_ line: String, port: Int) async throws -> Double? {
        let text = try await GracefulDrainTests.get("/metrics", port: port).text
        return text.split(separator: "\n").first { $0.hasPrefix(line + " ") }
            .flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    /// Occupies the one worker with a slow detection; returns its status when it ends.
    private static func occupyWorker(port: Int, image: [UInt8]) async throws -> Task<HTTPResponse.Status, any Error> {
        let task = Task {
            try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120))) {
                client in
                try await client.post("/v1/detect", headers: [.contentType: "image/jpeg"], body: ByteBuffer(bytes: image)).status
            }
        }
        try await waitUntil("the slow detection to start", within: .seconds(60), every: .milliseconds(10)) {
            try await metric("targetservice_detect_workers_busy", port: port) == 1
        }
        return task
    }

    @Test func aQueuedDetectionWhoseClientLeftIsSkipped_aHalfClosedClientIsAnswered() async throws {
        let data = try Self.slowModelData()
        let (server, port) = try await Self.start(
            ["--workers", "1", "--queue-depth", "2", "--overload-queue-depth", "2"], data: data)
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        let imagePath = Fixtures.url("images/grace_hopper.jpg").path
        let slow = try await Self.occupyWorker(port: port, image: image)

        // curl gives up after a second while its detection waits in the queue, and closes its connection.
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = [
            "curl", "-sS", "-o", "/dev/null", "--max-time", "1", "-H", "Expect:", "-H", "Content-Type: image/jpeg",
            "--data-binary", "@\(imagePath)", "http://127.0.0.1:\(port)/v1/detect",
        ]
        curl.standardError = FileHandle.nullDevice
        try curl.run()
        curl.waitUntilExit()
        #expect(curl.terminationStatus == 28, "curl should have timed out, exit \(curl.terminationStatus)")

        // A client that sends its request and shuts its sending side, as some do when they have nothing more to say.
        let request =
            Array(
                "POST /v1/detect HTTP/1.1\r\nHost: test\r\nContent-Type: image/jpeg\r\nContent-Length: \(image.count)\r\n\r\n"
                    .utf8)
            + image
        let halfClosed = Task {
            try await RawHTTP.exchange(port: port, sending: request, halfClose: true, limit: .seconds(180))
        }
        try await waitUntil("both to wait in the queue", within: .seconds(60), every: .milliseconds(10)) {
            try await Self.metric("targetservice_detect_queue_depth", port: port) == 2
        }

        #expect(try await withTimeout(.seconds(120), "the slow detection") { try await slow.value } == .ok)
        let reply = try await halfClosed.value
        let statuses = RawHTTP.responses(in: reply, interim: true).map(\.status)
        #expect(statuses == [102, 200], "\(String(reply.prefix(300)))")
        #expect(try await Self.metric("targetservice_detect_abandoned_total", port: port) == 1)
        let text = try await GracefulDrainTests.get("/metrics", port: port).text
        // The skipped request is counted with nginx's 499, its two neighbours as answered.
        #expect(text.contains(#"targetservice_http_requests_total{route="/v1/detect",method="POST",status="499"} 1"#))
        #expect(text.contains(#"targetservice_http_requests_total{route="/v1/detect",method="POST",status="200"} 2"#))
        server.signal(SIGTERM)
        let exitStatus = try await server.exitStatus()
        #expect(exitStatus == 0, "stderr: \(server.stderr)")
    }

    @Test func aConnectionThatKeepsSendingIntoAFullQueueIsHeldLongerEachTime() async throws {
        let data = try Self.slowModelData()
        let (server, port) = try await Self.start(["--workers", "1", "--queue-depth", "0"], data: data)
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        let slow = try await Self.occupyWorker(port: port, image: image)

        // No job has finished, so the pool has no job time yet: holds start at the 10 ms minimum and double.
        let pacing = ShedPacingExpectation(minimum: .milliseconds(10))
        try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(30))) { client in
            for attempt in 1...4 {
                let start = ContinuousClock.now
                let response = try await client.post(
                    "/v1/detect", headers: [.contentType: "image/jpeg"], body: ByteBuffer(bytes: image))
                let elapsed = ContinuousClock.now - start
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
                // Only lower bounds: a loaded machine makes answers slower, never faster.
                #expect(elapsed >= pacing.hold(attempt), "attempt \(attempt) answered after \(elapsed)")
            }
        }
        #expect(try await Self.metric("targetservice_detect_shed_total", port: port) == 4)
        #expect(try await Self.metric("targetservice_detect_shed_held_total", port: port) == 3)
        #expect(try await withTimeout(.seconds(120), "the slow detection") { try await slow.value } == .ok)
        server.signal(SIGTERM)
        let exitStatus = try await server.exitStatus()
        #expect(exitStatus == 0, "stderr: \(server.stderr)")
    }
}

/// The holds the service's default `ShedPacing` gives before any job time is known.
private struct ShedPacingExpectation {
    let minimum: Duration
    func hold(_ attempt: Int) -> Duration { attempt < 2 ? .zero : minimum * (1 << (attempt - 2)) }
}
