import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on 127.0.0.1, port 0, whose endpoints misbehave on request, for engine tests:
/// `/ok`, `/chunked`, `/json`, `/stall?ms=N` (answers after N ms), `/status/N`, `/close` (drops the connection),
/// `/idle-close` (answers 200 with a Content-Length, then closes without announcing it: a keep-alive connection
/// closed by the server the instant it goes idle, the sharpest form of an idle-timeout race). `stallFactor`
/// multiplies every `/stall` delay: a slower build of the same service, behind the same paths.
final class TestHTTPServer: Sendable {
    let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let counter: NIOLockedValueBox<Int>

    /// Requests the server has received so far.
    var requestsReceived: Int { counter.withLockedValue { $0 } }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    static func start(stallFactor: Double = 1) async throws -> TestHTTPServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let counter = NIOLockedValueBox(0)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(TestHTTPHandler(counter: counter, stallFactor: stallFactor))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestHTTPServer(port: channel.localAddress?.port ?? 0, group: group, channel: channel, counter: counter)
    }

    private init(port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel, counter: NIOLockedValueBox<Int>) {
        self.port = port
        self.group = group
        self.channel = channel
        self.counter = counter
    }

    func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }

    /// Runs `body` with a fresh server and stops it afterwards, also when `body` throws.
    static func with<T: Sendable>(_ body: (TestHTTPServer) async throws -> T) async throws -> T {
        let server = try await start()
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

private final class TestHTTPHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let counter: NIOLockedValueBox<Int>
    let stallFactor: Double

    init(counter: NIOLockedValueBox<Int>, stallFactor: Double) {
        self.counter = counter
        self.stallFactor = stallFactor
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let head) = unwrapInboundIn(data) else { return }
        counter.withLockedValue { $0 += 1 }
        let components = URLComponents(string: head.uri)
        let path = components?.path ?? head.uri
        let query = Dictionary(uniqueKeysWithValues: (components?.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        switch path {
        case "/ok":
            respond(context, status: .ok, body: "ok")
        case "/json":
            respond(
                context, status: .ok, body: #"{"model":"face","image":{"width":512,"height":600},"detections":[]}"#,
                contentType: "application/json")
        case "/chunked":
            var headers = HTTPHeaders([("transfer-encoding", "chunked")])
            headers.add(name: "x-test", value: "chunked")
            context.write(
                wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            for part in ["hello ", "chunked ", "world"] {
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: part)))), promise: nil)
            }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        case "/stall":
            let milliseconds = Double(query["ms"] ?? "") ?? 100
            context.eventLoop.scheduleTask(in: .microseconds(Int64(milliseconds * stallFactor * 1000))) {
                self.respond(loopBound.value, status: .ok, body: "stalled")
            }
        case "/close":
            context.close(promise: nil)
        case "/idle-close":
            respond(context, status: .ok, body: "ok", thenClose: true)
        default:
            if path.hasPrefix("/status/"), let code = Int(path.dropFirst("/status/".count)) {
                respond(context, status: HTTPResponseStatus(statusCode: code), body: "status \(code)")
            } else {
                respond(context, status: .notFound, body: "not found")
            }
        }
    }

    private func respond(
        _ context: ChannelHandlerContext, status: HTTPResponseStatus, body: String, contentType: String = "text/plain",
        thenClose: Bool = false
    ) {
        var buffer = context.channel.allocator.buffer(capacity: body.utf8.count)
        buffer.writeString(body)
        let headers = HTTPHeaders([("content-length", "\(buffer.readableBytes)"), ("content-type", contentType)])
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        guard thenClose else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in loopBound.value.close(promise: nil) }
    }
}
