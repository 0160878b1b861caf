import Foundation

/// A `host:port` as Toxiproxy writes them (`127.0.0.1:8080`, `localhost:0`, `[::1]:80`).
struct ProxyAddress: Equatable, Sendable, CustomStringConvertible {
    var host: String
    var port: Int

    /// Parses `text`; `role` ("listen", "upstream") names the field in the error.
    init(parsing text: String, role: String) throws(FaultError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.lastIndex(of: ":") else {
            throw FaultError(
                .invalidParameter, "\(role) address '\(text)' has no port; write it as host:port, e.g. 127.0.0.1:8080")
        }
        var host = String(trimmed[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let portText = trimmed[trimmed.index(after: colon)...]
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw FaultError(.invalidParameter, "\(role) address '\(text)': '\(portText)' is not a port (0...65535)")
        }
        if host.isEmpty { host = "127.0.0.1" }
        self.host = host
        self.port = port
    }

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Loopback hosts: binding anything else must be asked for explicitly.
    var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") }
}
