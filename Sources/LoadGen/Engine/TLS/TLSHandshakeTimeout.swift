import NIOCore
import NIOSSL
import NIOTLS

/// A TLS handshake that did not finish within the connect timeout: the server took the TCP connection but never
/// answered in TLS (a stuck terminator, a plain-TCP listener that waits for the client to speak first).
struct TLSHandshakeTimeout: Error, CustomStringConvertible {
    var after: Duration
    var description: String { "TLS handshake timed out after \(after.formatted(.units(allowed: [.seconds, .milliseconds])))" }
}

/// Fails a connection whose TLS handshake outlasts `timeout`, so it is reported as `tls` with its reason instead of
/// as a request timeout much later. Sits right after `NIOSSLClientHandler`.
final class TLSHandshakeTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let timeout: Duration
    private var timer: Scheduled<Void>?
    private var completed = false

    init(timeout: Duration) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            completed = true
            timer?.cancel()
            timer = nil
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    private func start(_ context: ChannelHandlerContext) {
        guard timer == nil, !completed else { return }
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let timeout = self.timeout
        timer = context.eventLoop.scheduleTask(in: .nanoseconds(timeout.nanoseconds)) {
            let context = loopBound.value
            context.fireErrorCaught(TLSHandshakeTimeout(after: timeout))
            context.close(promise: nil)
        }
    }
}
