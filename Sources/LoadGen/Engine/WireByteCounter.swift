import NIOCore

/// Counts the bytes a connection writes to its socket, below TLS: the TCP-level offset at which each request starts,
/// which `RaceWithIdleClose` compares with what the server acknowledged.
final class WireByteCounter: ChannelOutboundHandler, @unchecked Sendable {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private(set) var total: UInt64 = 0

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        total &+= UInt64(unwrapOutboundIn(data).readableBytes)
        context.write(data, promise: promise)
    }
}
