import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Python's `http.server` (an HTTP/1.0 server: it closes the connection after every response) serving an empty
/// directory on a free loopback port, started as its own process and stopped by PID.
final class PythonHTTPServer {
    let port: Int
    private let process: Process
    private let directory: URL
    var baseURL: String { "http://127.0.0.1:\(port)" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-pyhttp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("ok\n".utf8).write(to: directory.appendingPathComponent("index.html"))
        port = try NginxServer.freeLoopbackPort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", directory.path, "\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func waitUntilListening() async throws {
        try await waitUntil("python3 -m http.server to listen on 127.0.0.1:\(port)", within: .seconds(10), every: .milliseconds(20)) {
            NginxServer.accepts(port: port)
        }
    }

    func stop() {
        if process.isRunning {
            // SIGKILL: the test process blocks SIGTERM for its own interrupt handling and the child inherits the mask.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
