import NIOCore

/// One keep-alive HTTP/1.1 connection of the engine: writes pre-encoded requests, parses responses, and reports each
/// outcome to its `LoopWorker`. Lives on one event loop; all state is touched only there.
///
/// A connection the server is ending never gets another request: a response that closes it (`Connection: close`,
/// HTTP/1.0, a body delimited by the close) retires the connection *before* the worker hears of the response, and a
/// server's close (FIN) retires it when it arrives. The one race left — a request written while the server's close
/// of an idle connection is on its way — is retried once when the server provably never received it (see
/// `RaceWithIdleClose`).
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
        /// Bytes this connection had written to its socket before this request (TLS records and handshake included).
        var wireOffset: UInt64 = 0
        /// Already sent once on a connection the server closed before receiving it: never retried again.
        var retried = false
        /// A templated request's bytes, rendered when it arrived; a retry sends the same bytes again.
        var rendered: ByteBuffer?
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
    /// Complete responses this connection has carried: a connection that carried none is new, and its failures are
    /// the target's, never a keep-alive race.
    private var responsesCompleted = 0
    /// Some byte of a response to the request in flight has arrived.
    private var responseStarted = false
    /// Bytes written to the socket so far. Plain HTTP counts its own writes; TLS counts the encrypted bytes below the
    /// TLS handler (`wireBytes`).
    private var plainBytesWritten: UInt64 = 0
    let wireBytes: WireByteCounter?

    init(id: Int, worker: LoopWorker, countsWireBytes: Bool = false) {
        self.id = id
        self.worker = worker
        wireBytes = countsWireBytes ? WireByteCounter() : nil
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
        request.wireOffset = wireBytes?.total ?? plainBytesWritten
        plainBytesWritten &+= UInt64(bytes.readableBytes)
        inFlight = request
        responseStarted = false
        parser.keepHeaders = keepHeaders
        parser.keepBody = keepBody
        parser.expectsNoBody = isHead
        context.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if buffer.readableBytes > 0 { responseStarted = true }
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
        responsesCompleted += 1
        responseStarted = false
        if response.closesConnection {
            // Retire the connection first: the worker may hand the user's next request (or a waiting arrival) to a
            // connection as soon as it hears of this response, and it must not be this one.
            close()
        }
        worker.completed(self, request: request, response: response)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // The engine allows half-closure so that a server's close arrives here with the socket still open: whether
        // the server acknowledged any byte of the request in flight can still be asked of the kernel.
        if let event = event as? ChannelEvent, event == .inputClosed {
            serverClosed(context: context, reason: (.reset, "connection closed by the server before the response completed"))
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        var last: HTTPResponseParser.Response?
        _ = parser.finishOnClose { last = $0 }
        if let last { finish(last) }
        markClosed(reason: (.reset, "connection closed by the server before the response completed"))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPResponseParser.ParseError {
            fail(error)
        } else {
            serverClosed(context: context, reason: TransportError.classifyInFlight(error, tls: worker.tls))
        }
    }

    /// The server ended the connection (FIN or reset). A body delimited by the close is complete now; a request
    /// still in flight is lost, or retried when it provably never reached the server.
    private func serverClosed(context: ChannelHandlerContext, reason: (ErrorCode, String)) {
        var last: HTTPResponseParser.Response?
        _ = parser.finishOnClose { last = $0 }
        if let last { finish(last) }
        guard !isClosed else { return }
        guard let request = inFlight,
            RaceWithIdleClose.mayRetry(request, reused: responsesCompleted > 0, responseStarted: responseStarted)
        else {
            markClosed(reason: reason)
            context.close(promise: nil)
            return
        }
        TCPInfo.bytesAcknowledged(by: context.channel).whenComplete { result in
            guard !self.isClosed, let current = self.inFlight, current.sent == request.sent else { return }
            let acknowledged = (try? result.get()) ?? nil
            if RaceWithIdleClose.serverNeverReceived(request, acknowledged: acknowledged) {
                self.inFlight = nil
                self.isClosed = true
                self.worker.retry(self, request: request)
            } else {
                self.markClosed(reason: reason)
            }
            self.context?.close(promise: nil)
        }
    }

    private func fail(_ error: any Error) {
        markClosed(reason: TransportError.classifyInFlight(error, tls: worker.tls))
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
        // A request still waiting for the connect (a retry, or the first of a new connection) is lost with it, and
        // must be counted: otherwise it would be sent and never end.
        let lost = inFlight ?? pendingFirst
        inFlight = nil
        pendingFirst = nil
        worker.closed(self, lost: lost, reason: reason)
    }
}
