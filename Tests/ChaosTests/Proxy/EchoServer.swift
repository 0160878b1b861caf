import NIOCore
import NIOPosix

/// An echo server on 127.0.0.1 port 0: every byte comes back. Counts the bytes it received.
final class EchoServer: Sendable {
    let channel: any Channel
    let receivedBytes = Shared(0)
    var port: Int { channel.localAddress!.port! }

    init(group: any EventLoopGroup) async throws {
        let received = receivedBytes
        channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(EchoHandler(received: received))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    func stop() async { try? await channel.close() }

    private final class EchoHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let received: Shared<Int>

        init(received: Shared<Int>) {
            self.received = received
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            received.with { $0 += buffer.readableBytes }
            context.writeAndFlush(data, promise: nil)
        }
    }
}
