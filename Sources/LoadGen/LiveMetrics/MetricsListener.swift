import NIOCore
import NIOHTTP1
import NIOPosix

/// The HTTP listener of `loadgen run --metrics-listen ADDR`: `GET /metrics` answers the live exposition, anything
/// else 404. Plain HTTP/1.1 on NIO, one small response per scrape; it lives as long as the run.
public final class MetricsListener: Sendable {
    /// The address it listens on, as bound (the port filled in when 0 was asked).
    public let address: SocketAddress
    private let channel: any Channel

    /// Binds `host:port` (a port alone means 127.0.0.1: the numbers of a run stay on the machine unless asked).
    public static func start(listen: String, metrics: LiveMetrics) async throws -> MetricsListener {
        let (host, port) = try parse(listen)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(MetricsHandler(metrics: metrics))
                }
            }
            .bind(host: host, port: port).get()
        guard let address = channel.localAddress else { throw ChannelError.unknownLocalAddress }
        return MetricsListener(address: address, channel: channel)
    }

    private init(address: SocketAddress, channel: any Channel) {
        self.address = address
        self.channel = channel
    }

    /// Where to scrape it.
    public var url: String {
        let host = address.ipAddress.map { address.protocol == .inet6 ? "[\($0)]" : $0 } ?? "127.0.0.1"
        return "http://\(host):\(address.port ?? 0)/metrics"
    }

    /// Closes the listener (connections being answered finish their response).
    public func stop() {
        channel.close(promise: nil)
    }

    /// `PORT`, `HOST:PORT` or `[IPv6]:PORT`.
    public static func parse(_ listen: String) throws -> (host: String, port: Int) {
        func port(_ text: Substring) throws -> Int {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw MetricsListenError("--metrics-listen '\(listen)': '\(text)' is not a port (0–65535)")
            }
            return port
        }
        if let onlyPort = Int(listen) { return ("127.0.0.1", try port(Substring(String(onlyPort)))) }
        if listen.hasPrefix("["), let close = listen.firstIndex(of: "]") {
            let host = String(listen[listen.index(after: listen.startIndex)..<close])
            let rest = listen[listen.index(after: close)...]
            guard rest.hasPrefix(":") else { throw MetricsListenError("--metrics-listen '\(listen)': give [ADDRESS]:PORT") }
            return (host, try port(rest.dropFirst()))
        }
        guard let colon = listen.lastIndex(of: ":"), colon != listen.startIndex else {
            throw MetricsListenError("--metrics-listen '\(listen)': give PORT (on 127.0.0.1) or HOST:PORT, e.g. 127.0.0.1:9464")
        }
        return (String(listen[..<colon]), try port(listen[listen.index(after: colon)...]))
    }
}

/// A `--metrics-listen` value that is not an address.
public struct MetricsListenError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Answers one request at a time on a connection (keep-alive, as Prometheus scrapes).
private final class MetricsHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let metrics: LiveMetrics
    private var head: HTTPRequestHead?

    init(metrics: LiveMetrics) {
        self.metrics = metrics
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            self.head = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        let (status, type, body): (HTTPResponseStatus, String, String) =
            switch (head.method, path) {
            case (.GET, "/metrics"), (.HEAD, "/metrics"): (.ok, "text/plain; version=0.0.4; charset=utf-8", metrics.exposition())
            case (_, "/metrics"): (.methodNotAllowed, "text/plain; charset=utf-8", "use GET /metrics\n")
            default: (.notFound, "text/plain; charset=utf-8", "loadgen serves only /metrics\n")
            }
        var headers = HTTPHeaders([("Content-Type", type), ("Content-Length", "\(body.utf8.count)")])
        if status == .methodNotAllowed { headers.add(name: "Allow", value: "GET, HEAD") }
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if head.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
