import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import Chaos

/// http_abort and http_delay on keep-alive connections in front of a small HTTP server on 127.0.0.1.
@Suite(.serialized) struct HTTPFaultTests {
    let group = MultiThreadedEventLoopGroup.singleton
    let request = "GET /healthz HTTP/1.1\r\nhost: test\r\n\r\n"

    func withHTTPProxy(
        _ toxics: [Toxic], alwaysParsesHTTP: Bool = false, _ body: (FaultProxy, TinyHTTPServer) async throws -> Void
    ) async throws {
        let server = try await TinyHTTPServer(group: group)
        let proxy = try await FaultProxy.start(
            name: "http", listen: "127.0.0.1:0", upstream: "127.0.0.1:\(server.port)", group: group, seed: 9,
            alwaysParsesHTTP: alwaysParsesHTTP)
        for toxic in toxics { try await proxy.addToxic(toxic) }
        do {
            try await body(proxy, server)
        } catch {
            await proxy.stop()
            await server.stop()
            throw error
        }
        await proxy.stop()
        await server.stop()
    }

    /// Reads one response whose body is `bodyLength` bytes long.
    func response(_ socket: TestSocket, bodyLength: Int) -> String {
        var text = ""
        while !text.contains("\r\n\r\n")
            || text.utf8.count < (text.range(of: "\r\n\r\n").map { text[..<$0.upperBound].utf8.count } ?? 0) + bodyLength
        {
            guard case .data(let bytes) = socket.readOnce() else { break }
            text += String(decoding: bytes, as: UTF8.self)
        }
        return text
    }

    @Test func abortAtHundredPercentAnswersWithoutForwarding() async throws {
        try await withHTTPProxy([Toxic(name: "abort", type: "http_abort", attributes: ["status": 503, "percentage": 100])]) {
            proxy, server in
            let socket = try TestSocket(port: proxy.listenPort)
            for _ in 0..<3 {
                socket.send(request)
                let answer = response(socket, bodyLength: "fault filter abort".utf8.count)
                #expect(answer.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
                #expect(answer.hasSuffix("fault filter abort"))
            }
            #expect(server.requests.current == 0)
        }
    }

    @Test func abortAtZeroPercentPassesThrough() async throws {
        try await withHTTPProxy([Toxic(name: "abort", type: "http_abort", attributes: ["status": 503, "percentage": 0])]) {
            proxy, server in
            let socket = try TestSocket(port: proxy.listenPort)
            for _ in 0..<3 {
                socket.send(request)
                #expect(response(socket, bodyLength: 2).hasPrefix("HTTP/1.1 200 OK"))
            }
            #expect(server.requests.current == 3)
        }
    }

    @Test func requestBodiesAreForwardedIntact() async throws {
        try await withHTTPProxy([Toxic(name: "abort", type: "http_abort", attributes: ["percentage": 0])]) { proxy, server in
            let socket = try TestSocket(port: proxy.listenPort)
            socket.send("POST /v1/detect HTTP/1.1\r\nhost: t\r\ncontent-length: 5\r\n\r\nhello")
            #expect(response(socket, bodyLength: 2).hasPrefix("HTTP/1.1 200 OK"))
            socket.send("POST /v1/detect HTTP/1.1\r\nhost: t\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
            #expect(response(socket, bodyLength: 2).hasPrefix("HTTP/1.1 200 OK"))
            #expect(server.requests.current == 2)
        }
    }

    @Test func delayHoldsTheRequest() async throws {
        try await withHTTPProxy([Toxic(name: "delay", type: "http_delay", attributes: ["delay": 300, "percentage": 100])]) {
            proxy, server in
            let socket = try TestSocket(port: proxy.listenPort)
            let started = ContinuousClock.now
            socket.send(request)
            #expect(response(socket, bodyLength: 2).hasPrefix("HTTP/1.1 200 OK"))
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(server.requests.current == 1)
        }
    }

    /// With `alwaysParsesHTTP`, an HTTP toxic added later reaches a keep-alive connection that was already open.
    @Test func abortAddedLaterReachesAnOpenKeepAliveConnection() async throws {
        try await withHTTPProxy([], alwaysParsesHTTP: true) { proxy, server in
            let socket = try TestSocket(port: proxy.listenPort)
            socket.send(request)
            #expect(response(socket, bodyLength: 2).hasPrefix("HTTP/1.1 200 OK"))
            try await proxy.addToxic(Toxic(name: "abort", type: "http_abort", attributes: ["status": 500]))
            socket.send(request)
            #expect(response(socket, bodyLength: "fault filter abort".utf8.count).hasPrefix("HTTP/1.1 500 Internal Server Error"))
            #expect(server.requests.current == 1)
        }
    }
}
