import NIOCore
import NIOHTTP1

/// Answers HTTP/1 parse errors with the service's JSON error instead of an empty `400`, and closes the connection
/// after exactly one answer per request (see `MalformedRequestState`). Sits right after the HTTP decoder, so it
/// sees the decoder's errors before anything else does.
final class MalformedRequestHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private var state = MalformedRequestState()
    /// The parse error to answer once the response being written is out.
    private var pendingError: (any Error)?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        let isHead = if case .head = part { true } else { false }
        let isEnd = if case .end = part { true } else { false }
        if state.read(head: isHead, end: isEnd) {
            context.fireChannelRead(data)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Socket errors (a reset) are not the client's HTTP: they go on as they are.
        guard error is HTTPParserError || error is ByteToMessageDecoderError else {
            context.fireErrorCaught(error)
            return
        }
        switch state.parseFailed() {
        case .forward:
            context.fireErrorCaught(error)
        case .forwardAndClose:
            context.fireErrorCaught(error)
            context.close(mode: .output, promise: nil)
        case .answerAndClose:
            answer(error, context: context)
        case .ignore:
            pendingError = pendingError ?? error
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let isEnd = if case .end = unwrapOutboundIn(data) { true } else { false }
        switch state.write(endOfResponse: isEnd) {
        case .write:
            context.write(data, promise: promise)
        case .writeThenClose:
            context.writeAndFlush(data, promise: promise)
            context.close(mode: .output, promise: nil)
        case .writeThenAnswerAndClose:
            context.write(data, promise: promise)
            answer(pendingError ?? HTTPParserError.unknown, context: context)
        case .drop:
            promise?.fail(ChannelError.outputClosed)
        }
    }

    /// Writes `400 malformed_request` with the parser's reason, then half-closes: the client reads the answer and
    /// end-of-stream rather than a reset.
    private func answer(_ error: any Error, context: ChannelHandlerContext) {
        let failure = ServiceError(malformedRequest: error)
        let body = ByteBuffer(bytes: failure.jsonBody)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        headers.add(name: "Content-Length", value: "\(body.readableBytes)")
        headers.add(name: "Connection", value: "close")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .badRequest, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(mode: .output, promise: nil)
    }
}
