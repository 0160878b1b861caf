import Foundation

/// Keeps a scenario file from aiming load at another machine unless the person running loadgen said so.
public enum TargetGuard {
    /// A non-loopback host may be loaded only when named on the command line (--target URL or --allow-host HOST).
    /// Also checks the URL itself: scheme http or https, and a host.
    public static func check(url: String, commandLineTarget: String?, allowedHosts: [String]) throws(TargetGuardError) {
        let host = try validatedHost(of: url)
        if LoopbackHost.contains(host) { return }
        let normalizedHost = LoopbackHost.normalized(host)
        if let commandLineTarget, let targetHost = URLComponents(string: commandLineTarget)?.host,
            LoopbackHost.normalized(targetHost) == normalizedHost
        {
            return
        }
        if allowedHosts.contains(where: { LoopbackHost.normalized($0) == normalizedHost }) { return }
        let components = URLComponents(string: url)
        let scheme = components?.scheme?.lowercased() ?? "http"
        let port = components?.port.map { ":\($0)" } ?? ""
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        throw TargetGuardError(
            .remoteHostNotAllowed,
            """
            refusing to send load to \(shownHost): a scenario file alone may only target loopback hosts. \
            Pass --target \(scheme)://\(shownHost)\(port) or --allow-host \(shownHost) to allow it.
            """)
    }

    /// The URL's host, after checking it parses, uses http or https, and has one.
    private static func validatedHost(of url: String) throws(TargetGuardError) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme else {
            throw TargetGuardError(
                .invalidURL,
                """
                invalid target URL '\(url)': write it as http://HOST[:PORT] or https://HOST[:PORT].
                """)
        }
        guard ["http", "https"].contains(scheme.lowercased()) else {
            throw TargetGuardError(
                .invalidURL,
                """
                invalid target URL '\(url)': the scheme must be http or https (got '\(scheme)').
                """)
        }
        guard let host = components.host, !host.isEmpty else {
            throw TargetGuardError(
                .invalidURL,
                """
                invalid target URL '\(url)': it names no host; write it like \(scheme.lowercased())://127.0.0.1:8080.
                """)
        }
        return host
    }
}
