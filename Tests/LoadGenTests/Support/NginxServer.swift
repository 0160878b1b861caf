import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A real nginx (Debian's nginx-light, installed by `make setup`) on a free loopback port with a config of the
/// test's choosing, for checking the engine against a server it did not write. Started in the foreground with its
/// own prefix directory and stopped by the PID it was started with.
final class NginxServer {
    let port: Int
    private let process: Process
    private let directory: URL
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Requests nginx logged (one access-log line each), so tests can compare the engine's counts with the server's.
    var requestsLogged: Int {
        (try? String(contentsOf: directory.appendingPathComponent("access.log"), encoding: .utf8))?
            .split(separator: "\n").count ?? 0
    }

    /// Arrival times nginx logged, in seconds since the epoch with ms resolution (`$msec`; needs `logsArrivals`).
    var loggedArrivals: [Double] {
        ((try? String(contentsOf: directory.appendingPathComponent("access.log"), encoding: .utf8)) ?? "")
            .split(separator: "\n").compactMap { Double($0) }
    }

    /// Starts nginx with `serverDirectives` inside its `server {}` block (keep-alive limits and locations). With
    /// `logsArrivals` each access-log line is only the request's `$msec`.
    init(serverDirectives: String, logsArrivals: Bool = false) throws {
        guard let binary = ["/usr/sbin/nginx", "/usr/bin/nginx"].first(where: FileManager.default.isExecutableFile) else {
            throw NginxMissing()
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = try Self.freeLoopbackPort()
        let path = directory.path
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
        try Data(config.utf8).write(to: directory.appendingPathComponent("nginx.conf"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-c", "\(path)/nginx.conf", "-p", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Waits (at most 10 s) until nginx accepts connections.
    func waitUntilListening() async throws {
        try await waitUntil("nginx to listen on 127.0.0.1:\(port)", within: .seconds(10), every: .milliseconds(20)) {
            guard process.isRunning else { throw NginxExited(log: errorLog) }
            return Self.accepts(port: port)
        }
    }

    var errorLog: String { (try? String(contentsOf: directory.appendingPathComponent("error.log"), encoding: .utf8)) ?? "" }

    func stop() {
        if process.isRunning {
            // SIGKILL: a single-process nginx keeps the signal mask it inherits, and the test process blocks
            // SIGTERM for its own interrupt handling, so a SIGTERM would stay pending. It has no children to orphan.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` with a started nginx and stops it afterwards, also when `body` throws.
    static func with<T>(
        serverDirectives: String, logsArrivals: Bool = false, _ body: (NginxServer) async throws -> T
    ) async throws -> T {
        let server = try NginxServer(serverDirectives: serverDirectives, logsArrivals: logsArrivals)
        defer { server.stop() }
        try await server.waitUntilListening()
        return try await body(server)
    }

    static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw NginxMissing(message: "could not find a free loopback port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// nginx is not installed (or no port could be had): the message says how to get it.
struct NginxMissing: Error, CustomStringConvertible {
    var message = "nginx is not installed: run `make setup` (it installs Debian's nginx-light)"
    var description: String { message }
}

/// nginx exited before it listened; its error log says why.
struct NginxExited: Error, CustomStringConvertible {
    let log: String
    var description: String { "nginx exited before listening: \(log)" }
}
