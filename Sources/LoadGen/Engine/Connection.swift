import NIOCore

/// One keep-alive HTTP/1.1 connection of the engine: writes pre-encoded requests, parses responses, and reports each
/// outcome to its `LoopWorker`. Lives on one event loop; all state is touched only there.
final class Connection: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The request currently on the wire.
    struct InFlight {
        var phase: Int
        var request: Int
        var variant: Int
        var intended: UInt64
        var sent: UInt64
    }

    let id: Int
    unowned let worker: LoopWorker
    /// The virtual user that owns this connection (closed model), or nil for the shared pool (open model).
    var user: VirtualUser?
    private(set) var context: ChannelHandlerContext?
    var inFlight: InFlight?
    /// A request waiting for the connection to be established.
    var pendingFirst: InFlight?
    private var parser = HTTPResponseParser()
    /// Responses completed by the current read; kept between reads so the hot path does not allocate.
    private var completedResponses: [HTTPResponseParser.Response] = []
    private(set) var isClosed = false

    init(id: Int, worker: LoopWorker) {
        self.id = id
        self.worker = worker
    }

    var isConnected: Bool { context != nil && !isClosed }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelActive(context: ChannelHandlerContext) {
        self.context = context
    }

    func send(_ request: InFlight, at time: UInt64, bytes: ByteBuffer, keepHeaders: Bool, keepBody: Bool, isHead: Bool) {
        guard let context, !isClosed else { return }
        var request = request
        request.sent = time
        inFlight = request
        parser.keepHeaders = keepHeaders
        parser.keepBody = keepBody
        parser.expectsNoBody = isHead
        context.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        // Finishing a response may send the next request at once (closed model), which resets the parser's
        // flags: so collect the responses first and finish them after the parser is done with this read.
        var parseError: (any Error)?
        do {
            try parser.feed(&buffer) { self.completedResponses.append($0) }
        } catch {
            parseError = error
        }
        if completedResponses.count == 1 {
            let response = completedResponses[0]
            completedResponses.removeAll(keepingCapacity: true)
            finish(response)
        } else if !completedResponses.isEmpty {
            let responses = completedResponses
            completedResponses.removeAll(keepingCapacity: true)
            for response in responses { finish(response) }
        }
        if let parseError { fail(parseError) }
    }

    private func finish(_ response: HTTPResponseParser.Response) {
        guard let request = inFlight else { return }  // an unsolicited response: ignore it
        inFlight = nil
        worker.completed(self, request: request, response: response)
        if response.closesConnection { close() }
    }

    func channelInactive(context: ChannelHandlerContext) {
        var last: HTTPResponseParser.Response?
        _ = parser.finishOnClose { last = $0 }
        if let last { finish(last) }
        markClosed(reason: (.reset, "connection closed by the server before the response completed"))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
    }

    private func fail(_ error: any Error) {
        markClosed(reason: TransportError.classifyInFlight(error))
        context?.close(promise: nil)
    }

    /// Ends the request in flight with `code` (timeout, shutdown) and closes.
    func abort(_ code: ErrorCode, message: String) {
        markClosed(reason: (code, message))
        context?.close(promise: nil)
    }

    func close() {
        markClosed(reason: (.reset, "connection closed"))
        context?.close(promise: nil)
    }

    private func markClosed(reason: (ErrorCode, String)) {
        guard !isClosed else { return }
        isClosed = true
        let lost = inFlight
        inFlight = nil
        worker.closed(self, lost: lost, reason: reason)
    }
}
