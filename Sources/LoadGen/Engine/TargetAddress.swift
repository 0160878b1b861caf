import Foundation

/// The scheme, host and port the engine connects to, parsed once from the target's base URL.
public struct TargetAddress: Sendable, Equatable {
    public var useTLS: Bool
    public var host: String
    public var port: Int
    /// Path prefix of the base URL (no trailing slash), prepended to every request path.
    public var basePath: String

    public init(useTLS: Bool, host: String, port: Int, basePath: String = "") {
        self.useTLS = useTLS
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// Parses `http://host[:port][/base]` or `https://…`; nil for anything else.
    public init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return nil }
        useTLS = scheme == "https"
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        port = components.port ?? (useTLS ? 443 : 80)
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        basePath = path
    }

    /// The `Host` header value: the port only when it is not the scheme's default.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        let defaultPort = useTLS ? 443 : 80
        return port == defaultPort ? name : "\(name):\(port)"
    }
}
