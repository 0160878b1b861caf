/// One control-plane HTTP request: an `http` action, an admin call to a remote service, a canary write or a
/// recovery probe. Sent by `CurlHTTPClient`, never by the load engine.
public struct ControlRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// For the whole exchange, connecting included.
    public var timeout: Duration

    public init(
        method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
        timeout: Duration = .seconds(10)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// `GET http://…` for messages.
    var label: String { "\(method) \(url)" }
}

/// What a control-plane request got back.
public struct ControlResponse: Sendable {
    public var status: Int
    /// Header names lowercased, in the order received (of the final response, after any 100 Continue).
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as text, cut to `limit` bytes, for messages and event details.
    public func bodyText(limit: Int = 300) -> String {
        String(decoding: body.prefix(limit), as: UTF8.self)
    }
}

/// A control-plane request that got no HTTP answer: what was asked and libcurl's reason (refused, timed out,
/// name not resolved, TLS), e.g. `GET http://127.0.0.1:1/readyz: Couldn't connect to server (curl 7): …`.
public struct ControlHTTPError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// libcurl's CURLcode, e.g. 7 (could not connect) or 28 (timed out).
    public var curlCode: Int

    public var description: String { message }
}
