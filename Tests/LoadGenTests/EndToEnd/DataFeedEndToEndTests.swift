import Foundation
import Testing

/// Data feeds end to end: the real `loadgen` against a Python server that logs every request it receives. Rows go
/// out in their mode's order, built-ins are filled, Content-Length follows the rendered body, a seeded random feed
/// repeats itself, and a unique feed that runs out stops the run and says so.
@Suite(.serialized) struct DataFeedEndToEndTests {
    private static let serverScript = """
        import http.server, json, sys
        log = open(sys.argv[2], "a", buffering=1)
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                log.write(json.dumps({"path": self.path, "key": self.headers.get("X-Key"), "user": self.headers.get("X-User"), "body": body}) + "\\n")
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
            def log_message(self, *args):
                pass
        http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()

        """

    private static func scenario(url: String, data: String, rate: Int) -> String {
        """
        name: feeds
        target: { url: "\(url)" }
        data: \(data)
        requests:
          - name: order
            method: POST
            path: "/users/{{users.id}}?n={{sequence}}"
            headers: { x-key: "{{uuid}}", x-user: "{{users.name}}" }
            body: { text: "{\\"order\\": \\"{{orders.id}}\\", \\"pick\\": \\"{{pick.name}}\\", \\"at\\": {{unix_ms}}}" }
        phases:
          - { name: steady, duration: 1s, arrival: { rate: \(rate)/s } }
        """
    }

    private static func logged(_ path: String) throws -> [[String: String]] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] ?? [:]
        }
    }

    @Test func rowsGoOutInOrder_builtinsAreFilled_andAUniqueFeedThatRunsOutStopsTheRun() async throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("users.csv", Array("id,name\n1,alice\n2,bob\n3,carol\n".utf8))
        _ = try directory.write("orders.jsonl", Array((1...20).map { "{\"id\": \"o\($0)\"}\n" }.joined().utf8))
        _ = try directory.write("few.jsonl", Array("{\"id\": \"f1\"}\n{\"id\": \"f2\"}\n{\"id\": \"f3\"}\n".utf8))
        let script = try directory.write("server.py", Array(Self.serverScript.utf8))
        let log = directory.path("requests.jsonl")
        let server = try LoopbackServerProcess("/usr/bin/env") { port in ["python3", script, "\(port)", log] }
        defer { server.stop() }
        try await server.waitUntilListening("the logging Python server")
        let url = "http://127.0.0.1:\(server.port)"
        let data =
            "{ users: { file: users.csv }, orders: { file: orders.jsonl, mode: unique }, pick: { file: users.csv, mode: random, seed: 42 } }"

        let file = try directory.write("feeds.yaml", Self.scenario(url: url, data: data, rate: 10))
        let first = try await LoadGenProcess.run(["run", file, "--db", directory.path("r.sqlite")], in: directory.url)
        #expect(first.exitCode == 0, "\(first)")
        let requests = try Self.logged(log)
        #expect(requests.count == 10)
        // In arrival order (one connection at 10/s), so the sequence orders them.
        let ordered = requests.sorted {
            Int($0["path"]!.split(separator: "=").last!)! < Int($1["path"]!.split(separator: "=").last!)!
        }
        #expect(ordered.map { $0["path"]! }.prefix(4) == ["/users/1?n=1", "/users/2?n=2", "/users/3?n=3", "/users/1?n=4"])
        #expect(ordered.map { $0["user"]! }.prefix(4) == ["alice", "bob", "carol", "alice"])
        #expect(Set(requests.map { $0["key"]! }).count == 10, "every {{uuid}} differs")
        let bodies = try ordered.map { try JSONSerialization.jsonObject(with: Data($0["body"]!.utf8)) as! [String: Any] }
        #expect(bodies.map { $0["order"] as! String } == (1...10).map { "o\($0)" })
        let now = Date().timeIntervalSince1970 * 1000
        #expect(bodies.allSatisfy { abs(($0["at"] as! Double) - now) < 120_000 })
        let picks = bodies.map { $0["pick"] as! String }

        // The same seed draws the same rows.
        try Data().write(to: URL(fileURLWithPath: log))  // the server appends to the same file
        let again = try await LoadGenProcess.run(["run", file, "--db", directory.path("r.sqlite")], in: directory.url)
        #expect(again.exitCode == 0, "\(again)")
        let repeated = try Self.logged(log).sorted {
            Int($0["path"]!.split(separator: "=").last!)! < Int($1["path"]!.split(separator: "=").last!)!
        }
        #expect(
            try repeated.map {
                (try JSONSerialization.jsonObject(with: Data($0["body"]!.utf8)) as! [String: Any])["pick"] as! String
            } == picks)

        // Three unique rows for ten requests: three go out, then the run stops and fails, saying why.
        try Data().write(to: URL(fileURLWithPath: log))  // the server appends to the same file
        let short = try directory.write(
            "short.yaml",
            Self.scenario(url: url, data: data.replacingOccurrences(of: "orders.jsonl", with: "few.jsonl"), rate: 10))
        let exhausted = try await LoadGenProcess.run(["run", short, "--db", directory.path("r.sqlite")], in: directory.url)
        #expect(exhausted.exitCode == 1, "\(exhausted)")
        #expect(
            exhausted.stdout.contains(
                "FAILED: stopped because data feed 'orders' ran out after its 3 unique rows (mode: unique)"),
            "\(exhausted.stdout)")
        #expect(try Self.logged(log).count == 3)
    }
}
