import NIOCore
import NIOHTTP1

/// Watches one connection for its client leaving and sends the interim `102 Processing` probe that tells a full close
/// from a half-close (see `ClientConnection`). Sits right after the HTTP decoder, so it sees request heads (their
/// version) and every response part on its way to the encoder: the probe only goes out between responses, never
/// inside one, and never to an HTTP/1.0 client (which must not get a 1xx).
final class ClientPresenceHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let client = ClientConnection()
    private var requestVersion = HTTPVersion.http1_1
    private var responseInProgress = false

    func handlerAdded(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        client.setProbe {
            eventLoop.execute { loopBound.value.handler.sendProbe(context: loopBound.value.context) }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) { requestVersion = head.version }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .inputClosed = event as? ChannelEvent, client.markInputClosed() {
            sendProbe(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        client.markDeparted()
        context.fireChannelInactive()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.code >= 200 || head.status == .switchingProtocols:
            responseInProgress = true
        case .end:
            responseInProgress = false
        default:
            break
        }
        context.write(data, promise: promise)
    }

    private func sendProbe(context: ChannelHandlerContext) {
        let acceptsInterim = requestVersion.major > 1 || (requestVersion.major == 1 && requestVersion.minor >= 1)
        guard !responseInProgress, acceptsInterim, context.channel.isActive else { return }
        let head = HTTPResponseHead(version: requestVersion, status: .processing)
        context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
    }
}
