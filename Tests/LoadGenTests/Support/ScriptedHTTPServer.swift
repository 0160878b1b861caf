import Foundation

/// A keep-alive HTTP/1.1 server in its own Python process on a free loopback port, answering by path:
/// `/slow?ms=N` 200 after N ms, `/shed` 503 at once, `/hang` never (it holds the request for 60 s).
/// For latency tests that need a real server with a known mix of slow successes and fast or missing failures.
enum ScriptedHTTPServer {
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

    /// Runs `body` with a listening server and stops it afterwards, also when `body` throws.
    static func with<T>(_ body: (LoopbackServerProcess) async throws -> T) async throws -> T {
        let server = try LoopbackServerProcess("/usr/bin/env") { port in ["python3", "-c", script, "\(port)"] }
        defer { server.stop() }
        try await server.waitUntilListening("the scripted Python server")
        return try await body(server)
    }
}
