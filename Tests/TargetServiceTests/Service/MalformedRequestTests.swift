import Foundation
import HummingbirdTesting
import NIOCore
import Testing

/// Uploads with broken HTTP framing, as the upload fuzz (`bench/upload_fuzz.py`) found them, sent to the real
/// `targetservice serve` process: each request gets one JSON 4xx (nothing if the client is gone), never a 500 or
/// an empty 400, and afterwards the process is healthy, `/metrics` counts no 5xx and the log has no failures.
@Suite struct MalformedRequestTests {
    static let image = (try? Fixtures.bytes("images/camera.jpg")) ?? []

    static func upload(contentLength: Int?, extra: String = "", contentType: String = "image/jpeg") -> [UInt8] {
        var head = "POST /v1/detect HTTP/1.1\r\nHost: test\r\nContent-Type: \(contentType)\r\n"
        if let contentLength { head += "Content-Length: \(contentLength)\r\n" }
        return Array((head + extra + "\r\n").utf8)
    }

    /// Was a 500 `internal_error` ("stream ended at an unexpected time").
    @Test func bodyShorterThanItsContentLengthIs400IncompleteBody() async throws {
        try await Self.withServer { port in
            let reply = try await RawHTTP.exchange(
                port: port, sending: Self.upload(contentLength: Self.image.count + 100) + Self.image,
                halfClose: true)
            let answers = RawHTTP.responses(in: reply)
            #expect(answers.map(\.status) == [400], "\(reply)")
            #expect(answers.first?.body.contains(#""code":"incomplete_body""#) == true, "\(reply)")
        }
    }

    /// Was a 500 `internal_error` ("invalid character in chunk size header").
    @Test func brokenChunkSizeIs400MalformedRequest() async throws {
        try await Self.withServer { port in
            let body = Array("10\r\n".utf8) + Self.image.prefix(16) + Array("\r\nzz\r\n".utf8)
            let reply = try await RawHTTP.exchange(
                port: port, sending: Self.upload(contentLength: nil, extra: "Transfer-Encoding: chunked\r\n") + body)
            let answers = RawHTTP.responses(in: reply)
            #expect(answers.map(\.status) == [400], "\(reply)")
            #expect(answers.first?.body.contains(#""code":"malformed_request""#) == true, "\(reply)")
            #expect(answers.first?.body.contains("chunk size") == true, "\(reply)")
        }
    }

    /// Was Hummingbird's 400 with an empty body.
    @Test func unreadableContentLengthIsAJSON400() async throws {
        try await Self.withServer { port in
            let reply = try await RawHTTP.exchange(
                port: port, sending: Self.upload(contentLength: nil, extra: "Content-Length: abc\r\n") + Self.image)
            #expect(reply.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "\(reply)")
            #expect(reply.contains("Content-Type: application/json; charset=utf-8\r\n"), "\(reply)")
            #expect(reply.contains("Connection: close\r\n"), "\(reply)")
            #expect(RawHTTP.responses(in: reply).first?.body.contains(#""code":"malformed_request""#) == true, "\(reply)")
        }
    }

    /// Was Hummingbird's 400 with an empty body.
    @Test func controlCharacterInAHeaderIsAJSON400() async throws {
        try await Self.withServer { port in
            let reply = try await RawHTTP.exchange(
                port: port, sending: Self.upload(contentLength: Self.image.count, contentType: "\u{0}image/jpeg") + Self.image)
            let answers = RawHTTP.responses(in: reply)
            #expect(answers.map(\.status) == [400], "\(reply)")
            #expect(answers.first?.body.contains(#""code":"malformed_request""#) == true, "\(reply)")
        }
    }

    /// The bytes after a body shorter than sent are read as the next request: its answer was an empty 400.
    @Test func bytesAfterAShortContentLengthGetTheirOwnJSON400() async throws {
        try await Self.withServer { port in
            let reply = try await RawHTTP.exchange(
                port: port, sending: Self.upload(contentLength: 2) + Self.image, halfClose: true)
            let answers = RawHTTP.responses(in: reply)
            #expect(answers.map(\.status) == [400, 400], "\(reply)")
            #expect(answers.first?.body.contains(#""code":"corrupt_image""#) == true, "\(reply)")
            #expect(answers.last?.body.contains(#""code":"malformed_request""#) == true, "\(reply)")
        }
    }

    /// Pipelined requests keep their answers, in order; the garbage after them gets the last one.
    @Test func garbageAfterPipelinedRequestsIsAnsweredAfterThem() async throws {
        try await Self.withServer { port in
            let requests = String(repeating: "GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n", count: 3) + "\u{1}\u{2}\r\n\r\n"
            let reply = try await RawHTTP.exchange(port: port, sending: Array(requests.utf8), halfClose: true)
            let answers = RawHTTP.responses(in: reply)
            #expect(answers.map(\.status) == [200, 200, 200, 400], "\(reply)")
            #expect(answers.last?.body.contains(#""code":"malformed_request""#) == true, "\(reply)")
        }
    }

    /// A request refused before its body is read gets that answer only: the broken chunk after it adds no second
    /// (empty) 400.
    @Test func refusedUploadWithABrokenBodyGetsOneAnswer() async throws {
        try await Self.withServer { port in
            let body = Array("10\r\n".utf8) + Self.image.prefix(16) + Array("\r\nzz\r\n".utf8)
            let head = Self.upload(contentLength: nil, extra: "Transfer-Encoding: chunked\r\n", contentType: "text/plain")
            let reply = try await RawHTTP.exchange(port: port, sending: head + body, halfClose: true)
            #expect(RawHTTP.responses(in: reply).map(\.status) == [415], "\(reply)")
        }
    }

    /// Was a 500 in `/metrics` and "request failed" in the log (connection reset by peer) for a client that left.
    @Test func clientResettingMidBodyIsNotAServerError() async throws {
        try await Self.withServer { port in
            try await RawHTTP.sendThenReset(
                port: port, sending: Self.upload(contentLength: Self.image.count) + Self.image.prefix(1000)
            ) {
                // The upload is waiting for the rest of its body (the second request in flight is this /metrics).
                try await waitUntil("the upload to start", within: .seconds(10), every: .milliseconds(10)) {
                    try await GracefulDrainTests.get("/metrics", port: port).text.contains(
                        "targetservice_http_requests_in_flight 2.0")
                }
            }
            try await waitUntil("the abandoned upload to be counted", within: .seconds(10), every: .milliseconds(10)) {
                try await GracefulDrainTests.get("/metrics", port: port).text
                    .contains(#"targetservice_http_requests_total{route="/v1/detect",method="POST",status="400"} 1"#)
            }
        }
    }

    /// Starts `targetservice serve`, runs `body` with its port, then checks the process is healthy, counted no 5xx
    /// and logged no failed request, and stops it.
    static func withServer(_ body: (Int) async throws -> Void) async throws {
        let server = try ServiceProcess(["serve", "--host", "127.0.0.1", "--port", "0", "--log-level", "warning"])
        let url = try await server.nextLine()
        let port = try #require(Int(url.split(separator: ":").last ?? ""))
        try await waitUntil("readiness", within: .seconds(30), every: .milliseconds(10)) {
            (try? await GracefulDrainTests.get("/readyz", port: port).status) == .ok
        }
        try await body(port)
        #expect(server.process.isRunning)
        #expect(try await GracefulDrainTests.get("/healthz", port: port).status == .ok)
        // /readyz answers 503 by design while the models load.
        let metrics = try await GracefulDrainTests.get("/metrics", port: port).text
        let serverErrors = metrics.split(separator: "\n").filter {
            $0.hasPrefix("targetservice_http_requests_total") && $0.contains(#"status="5"#) && !$0.contains(#"route="/readyz""#)
        }
        #expect(serverErrors.isEmpty)
        server.signal(SIGTERM)
        #expect(try await server.exitStatus() == 0)
        #expect(!server.stderr.contains("request failed"), "\(server.stderr)")
    }
}
