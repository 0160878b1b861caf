import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A TCP proxy in front of one upstream that injects Toxiproxy's toxics (and HTTP aborts/delays) into the
/// connections passing through it; the network faults drive it through `ToxicControl`.
public final class FaultProxy: @unchecked Sendable {
    public let name: String
    private let group: any EventLoopGroup
    /// Parse HTTP on every new connection, not only while an HTTP toxic exists, so HTTP toxics added later reach
    /// keep-alive connections opened before them.
    public let alwaysParsesHTTP: Bool
    /// Guards `state`; connections and the API touch it from any thread.
    private let lock = NSLock()
    private var state: State

    struct State {
        var listen: ProxyAddress
        var upstream: ProxyAddress
        var enabled: Bool
        var boundPort: Int?
        var listener: (any Channel)?
        var toxics: [Toxic] = []
        var connections: [ObjectIdentifier: ProxyConnection] = [:]
        var random: SeededRandom
    }

    private init(
        name: String, listen: ProxyAddress, upstream: ProxyAddress, group: any EventLoopGroup, seed: UInt64,
        alwaysParsesHTTP: Bool
    ) {
        self.name = name
        self.group = group
        self.alwaysParsesHTTP = alwaysParsesHTTP
        state = State(listen: listen, upstream: upstream, enabled: false, random: SeededRandom(seed: seed))
    }

    /// Starts a proxy listening on `listen` ("127.0.0.1:0" picks a free port; read `listenPort`) that forwards to
    /// `upstream` ("host:port"). `seed` fixes every random choice (toxicity, jitter, HTTP percentages) for tests.
    public static func start(
        name: String, listen: String, upstream: String, group: any EventLoopGroup, enabled: Bool = true,
        seed: UInt64 = UInt64.random(in: .min ... .max), alwaysParsesHTTP: Bool = false
    ) async throws(FaultError) -> FaultProxy {
        let listenAddress = try ProxyAddress(parsing: listen, role: "listen")
        let upstreamAddress = try ProxyAddress(parsing: upstream, role: "upstream")
        let proxy = FaultProxy(
            name: name, listen: listenAddress, upstream: upstreamAddress, group: group, seed: seed,
            alwaysParsesHTTP: alwaysParsesHTTP)
        if enabled { try await proxy.enable() }
        return proxy
    }

    /// Whether toxics of `type` act on HTTP requests (`http_abort`, `http_delay`). A connection parses HTTP only if
    /// such a toxic existed when it opened (or `alwaysParsesHTTP`), so keep-alive clients need that flag to see
    /// these toxics when they are added later.
    public static func toxicActsOnRequests(_ type: String) -> Bool {
        ToxicRegistry.kind(named: type)?.actsOnRequests ?? false
    }

    /// The port the proxy listens on (the bound one when it was asked for port 0).
    public var listenPort: Int { withState { $0.boundPort ?? $0.listen.port } }
    /// `host:port` the proxy listens on, as Toxiproxy reports it (with the bound port).
    public var listen: String {
        withState { ProxyAddress(host: $0.listen.host, port: $0.boundPort ?? $0.listen.port).description }
    }
    public var upstream: String { withState { $0.upstream.description } }
    public var isEnabled: Bool { withState { $0.enabled } }
    /// Connections currently open through the proxy.
    public var connectionCount: Int { withState { $0.connections.count } }

    /// The toxics in the order they were added (attributes with defaults filled in).
    public func toxics() -> [Toxic] { withState { $0.toxics } }

    public func toxic(named name: String) -> Toxic? { withState { state in state.toxics.first { $0.name == name } } }

    func withState<Result, Failure: Error>(_ body: (inout State) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }

    // MARK: Listening

    /// Binds the listener (again, on the same port after a disable) and accepts connections; throws when the
    /// address cannot be bound.
    public func enable() async throws(FaultError) {
        let (address, alreadyListening) = withState { state in
            (ProxyAddress(host: state.listen.host, port: state.boundPort ?? state.listen.port), state.listener != nil)
        }
        guard !alreadyListening else { return }
        let listener: any Channel
        do {
            listener = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(ChannelOptions.autoRead, value: false)
                .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
                .childChannelInitializer { [self] channel in
                    channel.eventLoop.makeCompletedFuture { try accept(channel) }
                }
                .bind(host: address.host, port: address.port).get()
        } catch {
            throw FaultError(.failed, "proxy '\(name)' cannot listen on \(address): \(error); pick a free port or use port 0")
        }
        let port = listener.localAddress?.port ?? address.port
        withState { state in
            state.listener = listener
            state.boundPort = port
            state.enabled = true
        }
    }

    /// Stops accepting and closes every connection (Toxiproxy's `enabled: false`).
    func disable() async {
        let (listener, connections) = withState { state in
            state.enabled = false
            let taken = (state.listener, Array(state.connections.values))
            state.listener = nil
            state.connections = [:]
            return taken
        }
        for connection in connections {
            connection.eventLoop.execute { connection.close() }
        }
        try? await listener?.close()
    }

    /// Stops the proxy for good: no listener, no connections.
    public func stop() async {
        await disable()
    }

    /// Changes where the proxy listens or forwards to; like Toxiproxy it restarts the proxy, closing connections.
    public func update(listen: String? = nil, upstream: String? = nil) async throws(FaultError) {
        let newListen = try listen.map { text throws(FaultError) in try ProxyAddress(parsing: text, role: "listen") }
        let newUpstream = try upstream.map { text throws(FaultError) in try ProxyAddress(parsing: text, role: "upstream") }
        let changed = withState { state in
            var changed = false
            if let newListen, newListen != ProxyAddress(host: state.listen.host, port: state.boundPort ?? state.listen.port) {
                state.listen = newListen
                state.boundPort = nil
                changed = true
            }
            if let newUpstream, newUpstream != state.upstream {
                state.upstream = newUpstream
                changed = true
            }
            return changed
        }
        guard changed, isEnabled else { return }
        await disable()
        try await enable()
    }

    // MARK: Connections

    private func accept(_ channel: any Channel) throws {
        // Registering and taking the toxics happen under one lock, so a toxic added meanwhile is either in the
        // snapshot or reaches the connection through `forEachConnection`, never neither.
        let accepted: (ProxyConnection, [Toxic], ProxyAddress)? = withState { state in
            guard state.enabled else { return nil }
            let parses = alwaysParsesHTTP || state.toxics.contains { ToxicRegistry.kind(named: $0.type)?.actsOnRequests ?? false }
            let connection = ProxyConnection(client: channel, parsesHTTP: parses, random: state.random.split()) {
                [weak self] closed in
                self?.withState { state in state.connections[ObjectIdentifier(closed)] = nil }
            }
            state.connections[ObjectIdentifier(connection)] = connection
            return (connection, state.toxics, state.upstream)
        }
        guard let (connection, toxics, upstream) = accepted else {
            channel.close(promise: nil)
            return
        }
        let parses = connection.parsesHTTP
        let operations = channel.pipeline.syncOperations
        if parses {
            try operations.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
            try operations.addHandler(HTTPClientSideHandler(connection: connection))
        } else {
            try operations.addHandler(ProxySideHandler(connection: connection, side: .client))
        }
        for toxic in toxics { connection.addToxic(toxic) }
        ClientBootstrap(group: channel.eventLoop)
            .channelOption(ChannelOptions.autoRead, value: false)
            .channelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .connectTimeout(.seconds(5))
            .channelInitializer { server in
                server.eventLoop.makeCompletedFuture {
                    try server.pipeline.syncOperations.addHandler(ProxySideHandler(connection: connection, side: .server))
                }
            }
            .connect(host: upstream.host, port: upstream.port)
            .whenComplete { result in
                switch result {
                case .success(let server): connection.serverConnected(server)
                case .failure: connection.close()
                }
            }
    }

    /// Runs `body` on every open connection, on its event loop, and returns once all have run it: a toxic change
    /// has reached every connection when the call returns (as in Toxiproxy), so the next byte sees it.
    func forEachConnection(_ body: @escaping @Sendable (ProxyConnection) -> Void) async {
        let connections = withState { Array($0.connections.values) }
        let done = connections.map { connection in connection.eventLoop.submit { body(connection) } }
        for future in done { try? await future.get() }
    }
}
