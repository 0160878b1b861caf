import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A keep-alive HTTP/1.1 server in its own Python process on a free loopback port, answering by path:
/// `/slow?ms=N` 200 after N ms, `/shed` 503 at once, `/hang` never (it holds the request for 60 s).
/// For latency tests that need a real server with a known mix of slow successes and fast or missing failures.
final class ScriptedHTTPServer {
    let port: Int
    private let process: Process
    var baseURL: String { "http://127.0.0.1:\(port)" }

    private static let script = #"""
        import sys, time, threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import urlparse, parse_qs

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *args):
                pass
            def answer(self, status, body=b"ok"):
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def do_GET(self):
                url = urlparse(self.path)
                if url.path == "/slow":
                    time.sleep(int(parse_qs(url.query).get("ms", ["0"])[0]) / 1000)
                    self.answer(200)
                elif url.path == "/shed":
                    self.answer(503, b"shed")
                elif url.path == "/hang":
                    time.sleep(60)
                else:
                    self.answer(404, b"no")

        ThreadingHTTPServer.daemon_threads = True
        ThreadingHTTPServer.request_queue_size = 256
        ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
        """#

    init() throws {
        port = try NginxServer.freeLoopbackPort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, "\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Runs `body` with a listening server and stops it afterwards, also when `body` throws.
    static func with<T>(_ body: (ScriptedHTTPServer) async throws -> T) async throws -> T {
        let server = try ScriptedHTTPServer()
        defer { server.stop() }
        try await waitUntil("the scripted server to listen on 127.0.0.1:\(server.port)", within: .seconds(10), every: .milliseconds(20)) {
            NginxServer.accepts(port: server.port)
        }
        return try await body(server)
    }

    func stop() {
        if process.isRunning {
            // SIGKILL: the test process blocks SIGTERM for its own interrupt handling and the child inherits the mask.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
