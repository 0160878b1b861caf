import Hummingbird

/// The paths the service answers and the methods each accepts, so a known path called with another method
/// gets 405 with `Allow` (Hummingbird's router would say 404) and metrics label it by path, not as unmatched.
struct KnownRoutes: Sendable {
    private(set) var methods: [String: [HTTPRequest.Method]] = [:]

    /// A GET route answers HEAD too (`ProtocolMiddleware` drops the body).
    mutating func add(_ method: HTTPRequest.Method, _ path: String) {
        methods[path, default: []].append(method)
        if method == .get { methods[path, default: []].append(.head) }
    }

    /// The methods `path` accepts, or nil for a path the service does not serve.
    func allowed(for path: String) -> [HTTPRequest.Method]? {
        template(matching: path).flatMap { methods[$0] }
    }

    /// The registered route `path` matches: itself, or a template whose `:parameter` segments match any segment.
    private func template(matching path: String) -> String? {
        let path = Self.normalized(path)
        if methods[path] != nil { return path }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return methods.keys.first { template in
            let parts = template.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == segments.count && zip(parts, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }
    }

    /// A bounded metric label for a request: the route if the service knows it, else "unmatched".
    func label(for path: String, endpoint: String?) -> String {
        if let endpoint { return endpoint }
        return template(matching: path) ?? "unmatched"
    }

    private static func normalized(_ path: String) -> String {
        // The router treats "/healthz/" like "/healthz".
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
