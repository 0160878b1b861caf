import NIOCore
import NIOHTTP1

/// The client side of a connection that parses HTTP: takes request parts from NIOHTTP1's decoder.
final class HTTPClientSideHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart

    private let connection: ProxyConnection

    init(connection: ProxyConnection) {
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        connection.received(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        connection.readComplete(on: .client)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event { connection.inputClosed(on: .client) }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        connection.writabilityChanged(on: .client)
    }

    func channelActive(context: ChannelHandlerContext) {
        connection.channelActive(.client)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        connection.channelInactive(.client)
    }

    /// A request the decoder cannot parse ends the connection, as a server would.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        connection.close()
    }
}
