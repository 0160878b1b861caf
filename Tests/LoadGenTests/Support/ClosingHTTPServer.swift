import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A server on 127.0.0.1, port 0, that answers every request with `200 ok` and a Content-Length and then closes
/// the connection *without* announcing it (no `Connection: close`): a keep-alive connection closed by the server
/// the instant it goes idle, the sharpest form of an idle-timeout race. Counts the requests it read.
final class ClosingHTTPServer: Sendable {
    let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let counter: NIOLockedValueBox<Int>

    var requestsReceived: Int { counter.withLockedValue { $0 } }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    static func with<T: Sendable>(_ body: (ClosingHTTPServer) async throws -> T) async throws -> T {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let counter = NIOLockedValueBox(0)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(HTTPRequestDecoder()))
                    try channel.pipeline.syncOperations.addHandler(AnswerThenClose(counter: counter))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = ClosingHTTPServer(port: channel.localAddress?.port ?? 0, group: group, channel: channel, counter: counter)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private init(port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel, counter: NIOLockedValueBox<Int>) {
        self.port = port
        self.group = group
        self.channel = channel
        self.counter = counter
    }

    private func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

private final class AnswerThenClose: ChannelInboundHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = ByteBuffer

    let counter: NIOLockedValueBox<Int>

    init(counter: NIOLockedValueBox<Int>) {
        self.counter = counter
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .end = unwrapInboundIn(data) else { return }
        counter.withLockedValue { $0 += 1 }
        let response = context.channel.allocator.buffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(response)).whenComplete { _ in loopBound.value.close(promise: nil) }
    }
}
