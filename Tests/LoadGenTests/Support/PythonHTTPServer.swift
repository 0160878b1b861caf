import Foundation

/// Python's `http.server` (an HTTP/1.0 server: it closes the connection after every response) serving a one-file
/// directory on a free loopback port, in its own process.
enum PythonHTTPServer {
    /// Runs `body` with a listening server and stops it afterwards, also when `body` throws.
    static func with<T>(_ body: (LoopbackServerProcess) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-pyhttp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("ok\n".utf8).write(to: directory.appendingPathComponent("index.html"))
        let server = try LoopbackServerProcess("/usr/bin/env") { port in
            ["python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", directory.path, "\(port)"]
        }
        defer { server.stop() }
        try await server.waitUntilListening("python3 -m http.server")
        return try await body(server)
    }
}
