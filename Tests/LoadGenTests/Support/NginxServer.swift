import Foundation

/// A real nginx (Debian's nginx-light, installed by `make setup`) on a free loopback port with a config of the
/// test's choosing, for checking the engine against a server it did not write. Runs in the foreground as a single
/// process with its own prefix directory.
final class NginxServer {
    private let server: LoopbackServerProcess
    private let directory: URL
    var baseURL: String { server.baseURL }

    /// Requests nginx logged (one access-log line each), so tests can compare the engine's counts with the server's.
    var requestsLogged: Int { accessLog.split(separator: "\n").count }

    /// Arrival times nginx logged, in seconds since the epoch with ms resolution (`$msec`; needs `logsArrivals`).
    var loggedArrivals: [Double] { accessLog.split(separator: "\n").compactMap { Double($0) } }

    private var accessLog: String {
        (try? String(contentsOf: directory.appendingPathComponent("access.log"), encoding: .utf8)) ?? ""
    }
    private var errorLog: String {
        (try? String(contentsOf: directory.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
    }

    /// Starts nginx with `serverDirectives` inside its `server {}` block (keep-alive limits and locations). With
    /// `logsArrivals` each access-log line is only the request's `$msec`.
    private init(serverDirectives: String, logsArrivals: Bool) throws {
        guard let binary = ["/usr/sbin/nginx", "/usr/bin/nginx"].first(where: FileManager.default.isExecutableFile) else {
            throw ServerProcessExited(what: "nginx", detail: "not installed: run `make setup` (it installs Debian's nginx-light)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.directory = directory
        let path = directory.path
        server = try LoopbackServerProcess(binary) { port in
            let config = """
                worker_processes 1;
                daemon off;
                master_process off;
                pid \(path)/nginx.pid;
                error_log \(path)/error.log warn;
                events { worker_connections 1024; }
                http {
                    log_format arrivals '$msec';
                    access_log \(path)/access.log\(logsArrivals ? " arrivals" : "");
                    client_body_temp_path \(path)/body;
                    proxy_temp_path \(path)/proxy;
                    fastcgi_temp_path \(path)/fastcgi;
                    uwsgi_temp_path \(path)/uwsgi;
                    scgi_temp_path \(path)/scgi;
                    server {
                        listen 127.0.0.1:\(port);
                        \(serverDirectives)
                    }
                }
                """
            try? Data(config.utf8).write(to: directory.appendingPathComponent("nginx.conf"))
            return ["-c", "\(path)/nginx.conf", "-p", path]
        }
    }

    /// Runs `body` with a listening nginx and stops it afterwards, also when `body` throws.
    static func with<T>(
        serverDirectives: String, logsArrivals: Bool = false, _ body: (NginxServer) async throws -> T
    ) async throws -> T {
        let nginx = try NginxServer(serverDirectives: serverDirectives, logsArrivals: logsArrivals)
        defer {
            nginx.server.stop()
            try? FileManager.default.removeItem(at: nginx.directory)
        }
        try await nginx.server.waitUntilListening("nginx") { nginx.errorLog }
        return try await body(nginx)
    }
}
