import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Serves a Hummingbird responder over HTTP/1.1, like Hummingbird's `Application`, but binds the listening
/// socket itself so it can set `SO_REUSEPORT` (replicas sharing one port), which Hummingbird 2.28 cannot.
///
/// Graceful shutdown: `onShutdownStarted` runs first (readiness → 503), then after `shutdownDelay` the listener
/// closes and every connection is quiesced: idle ones close now, busy ones after their current response.
/// `run()` returns once the last connection has closed.
public struct HTTPServer<Responder: HTTPResponder>: Service where Responder.Context == BasicRequestContext {
    /// Where and how to listen.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var reusePort: Bool
        public var backlog: Int
        /// Time between readiness turning 503 and the listener closing, for load balancers to notice.
        public var shutdownDelay: Duration
        /// Closes connections that sit idle this long, so an abandoned client does not hold one forever.
        public var idleTimeout: Duration

        public init(
            host: String = "127.0.0.1", port: Int = 0, reusePort: Bool = false, backlog: Int = 256,
            shutdownDelay: Duration = .zero, idleTimeout: Duration = .seconds(60)
        ) {
            self.host = host
            self.port = port
            self.reusePort = reusePort
            self.backlog = backlog
            self.shutdownDelay = shutdownDelay
            self.idleTimeout = idleTimeout
        }
    }

    let responder: Responder
    let configuration: Configuration
    let logger: Logger
    let eventLoopGroup: any EventLoopGroup
    let onBound: @Sendable (SocketAddress) async -> Void
    let onShutdownStarted: @Sendable () -> Void
    /// Awaited before the listener binds; `false` means do not bind at all (the service stops). A shutdown meanwhile
    /// calls `onShutdownStarted`, which must make it return.
    let beforeBinding: @Sendable () async -> Bool

    public init(
        responder: Responder,
        configuration: Configuration,
        logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        onBound: @escaping @Sendable (SocketAddress) async -> Void = { _ in },
        onShutdownStarted: @escaping @Sendable () -> Void = {},
        beforeBinding: @escaping @Sendable () async -> Bool = { true }
    ) {
        self.responder = responder
        self.configuration = configuration
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
        self.onBound = onBound
        self.onShutdownStarted = onShutdownStarted
        self.beforeBinding = beforeBinding
    }

    public func run() async throws {
        // A shutdown or cancellation while waiting ends the wait (draining resumes it) instead of hanging.
        let onShutdownStarted = self.onShutdownStarted
        let proceed = await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await beforeBinding()
            } onGracefulShutdown: {
                onShutdownStarted()
            }
        } onCancel: {
            onShutdownStarted()
        }
        guard proceed, !Task.isCancelled else {
            logger.info("stopping before the listener was bound")
            return
        }
        let http = HTTP1Channel(
            responder: respond,
            configuration: .init(idleTimeout: TimeAmount(configuration.idleTimeout))
        )
        let logger = self.logger
        let listener = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: Int32(configuration.backlog))
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.socketOption(.init(rawValue: SO_REUSEPORT)), value: configuration.reusePort ? 1 : 0)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(host: configuration.host, port: configuration.port) { channel in
                http.setup(channel: channel, logger: logger).flatMapThrowing { connection in
                    // Right after the decoder, so its parse errors get the JSON answer (see MalformedRequestHandler).
                    let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
                    let malformed = MalformedRequestHandler()
                    try channel.pipeline.syncOperations.addHandler(malformed, position: .after(decoder))
                    try channel.pipeline.syncOperations.addHandler(ClientPresenceHandler(), position: .after(malformed))
                    return connection
                }
            }
        guard let address = listener.channel.localAddress else {
            try? await listener.channel.close()
            throw ChannelError.unknownLocalAddress
        }
        logger.info("listening", metadata: ["address": "\(address)", "reuse_port": "\(configuration.reusePort)"])
        await onBound(address)

        let connections = OpenConnections()
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                do {
                    try await listener.executeThenClose { inbound in
                        for try await connection in inbound {
                            connections.insert(connection.channel)
                            group.addTask {
                                // Requests find their connection's client here (see ClientConnection).
                                let client = try? await connection.channel.eventLoop.submit {
                                    try connection.channel.pipeline.syncOperations.handler(type: ClientPresenceHandler.self)
                                        .client
                                }.get()
                                await ClientConnection.$current.withValue(client) {
                                    await http.handle(value: connection, logger: logger)
                                }
                                connections.remove(connection.channel)
                            }
                        }
                    }
                } catch is CancellationError {
                    // The service group is stopping without a graceful shutdown (e.g. another service failed).
                } catch {
                    logger.error("accepting connections failed: \(error)")
                }
            }
        } onGracefulShutdown: { [configuration, onShutdownStarted] in
            onShutdownStarted()
            Task {
                try? await Task.sleep(for: configuration.shutdownDelay)
                logger.info("closing the listener and draining connections")
                listener.channel.close(promise: nil)
                connections.quiesce()
            }
        }
        logger.info("all connections closed")
    }

    /// Hummingbird's request → response step, plus: a response that says `Connection: close` half-closes the
    /// connection, so a client still uploading an over-limit body sees the 413 and end-of-stream, not a reset.
    @Sendable
    private func respond(to request: Request, writer: consuming ResponseWriter, channel: any Channel) async throws {
        let context = BasicRequestContext(source: .init(channel: channel, logger: logger))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch {
            logger.error("unhandled error: \(error)")
            response = Response(status: .internalServerError)
        }
        try await writer.write(response: response.head, body: response.body)
        if response.headers[.connection]?.lowercased() == "close" {
            try? await channel.close(mode: .output)
        }
    }
}
