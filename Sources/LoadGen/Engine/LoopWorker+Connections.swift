import NIOCore
import NIOPosix
import NIOSSL

// Connections: sending prepared bytes, opening pool and user connections, and what each response or close means
// for the request it carried.
extension LoopWorker {
    func issue(_ inFlight: Connection.InFlight, on connection: Connection) {
        let now = Self.now()
        recorder.recordSent(phase: inFlight.phase, request: inFlight.request, at: now)
        inFlightCount += 1
        send(inFlight, on: connection, at: now)
    }

    func send(_ inFlight: Connection.InFlight, on connection: Connection, at now: UInt64 = LoopWorker.now()) {
        // Field by field rather than copying the PreparedRequest: a copy retains and releases all its storage.
        if phaseIsOpen[inFlight.phase], !inFlight.retried { recorder.recordSendLag(now &- min(now, inFlight.intended)) }
        connection.send(
            inFlight, at: now, bytes: inFlight.rendered ?? requests[inFlight.request].variants[inFlight.variant].bytes,
            keepHeaders: keepHeaders[inFlight.request], keepBody: keepBody[inFlight.request],
            isHead: requests[inFlight.request].isHead)
    }

    /// Opens a connection; `first` (and `user`, in the closed model) are attached before the connect starts, because a
    /// connect can fail at once (a socket option refused) and its failure must find the request it loses.
    func openConnection(first: Connection.InFlight? = nil, user: VirtualUser? = nil) -> Connection {
        let tls = self.tls
        let connectTimeout = options.connectTimeout
        let connection = Connection(id: nextConnectionID, worker: self, countsWireBytes: tls != nil)
        nextConnectionID += 1
        connection.pendingFirst = first
        if let user {
            connection.user = user
            user.connection = connection
        }
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.nanoseconds(options.connectTimeout.nanoseconds))
            // TCP_NODELAY at the TCP level (`.socketOption(.tcp_nodelay)` would set SOL_SOCKET option 1, SO_DEBUG,
            // which only root may set: as any other user every connect failed).
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            // A server's close arrives as `inputClosed` with the socket still open, so `Connection` can ask the
            // kernel what the server acknowledged before deciding whether a lost request may be retried.
            .channelOption(.allowRemoteHalfClosure, value: true)
            .channelInitializer { channel in
                do {
                    if let wireBytes = connection.wireBytes { try channel.pipeline.syncOperations.addHandler(wireBytes) }
                    if let tls {
                        let handler = try NIOSSLClientHandler(context: tls.context, serverHostname: tls.serverName)
                        try channel.pipeline.syncOperations.addHandler(handler)
                        try channel.pipeline.syncOperations.addHandler(TLSHandshakeTimeoutHandler(timeout: connectTimeout))
                    }
                    try channel.pipeline.syncOperations.addHandler(connection)
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        pool.connectStarted(connection)
        bootstrap.connect(to: remote).whenComplete { result in
            self.pool.connectEnded()
            switch result {
            case .success:
                // Keep opening (a few at a time) while requests wait and the cap allows.
                if connection.user == nil, !self.waiting.isEmpty, self.pool.canOpen, !self.ending {
                    _ = self.openConnection()
                }
                guard let first = connection.pendingFirst else {
                    if connection.user == nil, connection.isConnected, !self.serveWaiting(on: connection), !self.ending {
                        self.pool.makeIdle(connection)
                    }
                    return
                }
                connection.pendingFirst = nil
                if connection.isConnected {
                    self.send(first, on: connection)
                }
            case .failure(let error):
                self.connectFailed(connection, error: error)
            }
        }
        return connection
    }

    func connectFailed(_ connection: Connection, error: any Error) {
        pool.remove(connection)
        let (code, message) = TransportError.classifyConnect(error, tls: tls)
        if let lost = connection.pendingFirst {
            connection.pendingFirst = nil
            inFlightCount -= 1
            recorder.recordFailure(
                phase: lost.phase, request: lost.request, code: code, intended: lost.intended, at: Self.now(), message: message)
        }
        if let user = connection.user {
            user.connection = nil
            userContinue(user, afterError: true)
        }
        checkEnding()
    }

    /// Called by a connection when a response completed.
    func completed(_ connection: Connection, request: Connection.InFlight, response: HTTPResponseParser.Response) {
        let finishedAt = Self.now()
        inFlightCount -= 1
        let outcome: CheckOutcome
        let status = response.status
        if status >= 0, status < statusAccepted[request.request].count, statusAccepted[request.request][status] {
            // The common case — an accepted status and no other checks — without touching the checker.
            outcome =
                statusOnly[request.request]
                ? .passed
                : requests[request.request].checker.check(
                    status: status, headers: response.headers, body: response.body,
                    payloadName: requests[request.request].variants[request.variant].payloadName)
        } else {
            outcome = .statusRejected(status)
        }
        let code: ErrorCode?
        switch outcome {
        case .passed: code = nil
        case .statusRejected(let status):
            code = status >= 500 ? .http5xx : .http4xx
            recorder.recordSample(phase: request.phase, request: request.request, code: code!, message: "HTTP \(status)")
        case .failed(let message):
            code = .checkFailed
            recorder.recordSample(phase: request.phase, request: request.request, code: .checkFailed, message: message)
        }
        // Checked means content was looked at (headers, JSON, boxes): a status-only request checks nothing.
        let checked: Bool = if case .statusRejected = outcome { false } else { !statusOnly[request.request] }
        // Headers are kept only for requests that check one; those that check X-Model-Version feed version tracking.
        let version =
            response.headers.isEmpty
            ? nil : response.headers.first { $0.0.lowercased() == DetectionServiceAPI.modelVersionHeader }?.1
        recorder.recordResponse(
            phase: request.phase, request: request.request, intended: request.intended, sent: request.sent,
            finished: finishedAt, code: code, checked: checked, version: version)
        if let user = connection.user {
            userContinue(user, afterError: false)
        } else if connection.isConnected, !serveWaiting(on: connection), !ending {
            pool.makeIdle(connection)
        }
        sendDueArrivals()
        checkEnding()
    }

    /// Called by a connection the server closed before it received `request` (see `RaceWithIdleClose`): the request
    /// goes out once more on a new connection, still timed from its intended send time and counted as sent once.
    func retry(_ connection: Connection, request: Connection.InFlight) {
        pool.remove(connection)
        var again = request
        again.retried = true
        recorder.recordRetry(phase: request.phase, request: request.request)
        _ = openConnection(first: again, user: connection.user)
    }

    /// Called by a connection when it closed; `lost` is the request it had in flight, if any.
    func closed(_ connection: Connection, lost: Connection.InFlight?, reason: (ErrorCode, String)) {
        pool.remove(connection)
        if let lost {
            inFlightCount -= 1
            recorder.recordFailure(
                phase: lost.phase, request: lost.request, code: reason.0, intended: lost.intended, at: Self.now(),
                message: reason.1)
        }
        if let user = connection.user {
            user.connection = nil
            if lost != nil { userContinue(user, afterError: true) }
        } else if !waiting.isEmpty, pool.canOpen, !ending {
            _ = openConnection()  // replaces the lost connection for the requests that wait
        }
        checkEnding()
    }

    func sweepTimeouts() {
        let now = Self.now()
        dropLateWaiting(now: now)
        // A connection closed while requests wait: open a replacement so they are not stranded.
        if !waiting.isEmpty, pool.canOpen, !ending {
            _ = openConnection()
        }
        let limit = UInt64(options.requestTimeout.nanoseconds)
        for connection in pool.members {
            if let request = connection.inFlight, now &- request.sent > limit, request.sent <= now {
                connection.abort(.timeout, message: "no complete response within \(options.requestTimeout)")
            }
        }
        checkEnding()
    }
}
