import Foundation
import Testing
@testable import LoadGen

extension ScenarioRuns {
    /// Servers end keep-alive connections in many ways; none of them may turn into a false error. Checked against real
    /// nginx (`keepalive_requests`, `keepalive_timeout`, a body delimited by the close), Python's HTTP/1.0 server, and a
    /// server that closes every connection the moment it goes idle. The closed-model cases load the machine fully for a
    /// moment, so they run with the other scenario runs, one suite at a time.
    @Suite(.serialized) struct ConnectionCloseTests {
        private func run(
            _ baseURL: String, load: LoadModel, duration: Duration, request: RequestSpec = RequestSpec(name: "r", path: "/"),
            options: EngineOptions = EngineOptions()
        ) async throws -> RequestStats {
            let scenario = Scenario(
                name: "connection-close", target: .url("http://127.0.0.1"), requests: [request],
                phases: [PhaseSpec(name: "p", duration: duration, load: load)], options: options)
            let engine = try LoadEngine(scenario: scenario, baseURL: baseURL)
            try await engine.run()
            let stats = try await engine.stats(phase: 0)
            await engine.shutdown()
            return stats[request.name] ?? RequestStats()
        }

        private let post = RequestSpec(name: "r", method: "POST", path: "/", body: .generated(size: 4096))

        /// nginx sends `Connection: close` on every 100th response of a connection (`keepalive_requests 100`).
        @Test(arguments: [false, true]) func closedModelAgainstNginxKeepaliveRequests(posting: Bool) async throws {
            try await NginxServer.with(serverDirectives: #"keepalive_requests 100; location / { return 200 "ok\n"; }"#) { nginx in
                let stats = try await run(
                    nginx.baseURL, load: .constantUsers(4, think: .zero), duration: .milliseconds(600),
                    request: posting ? post : RequestSpec(name: "r", path: "/"))
                #expect(stats.sent > 300, "too few requests to cross keepalive_requests: \(stats.sent)")
                #expect(stats.errors.isEmpty, "\(stats.errors)")
                #expect(stats.completed == stats.sent)
                #expect(nginx.requestsLogged == stats.sent)
            }
        }

        @Test func openModelAgainstNginxKeepaliveRequests() async throws {
            try await NginxServer.with(serverDirectives: #"keepalive_requests 100; location / { return 200 "ok\n"; }"#) { nginx in
                // A long max_send_delay: on a busy test machine a stall must delay requests, not drop them.
                let stats = try await run(
                    nginx.baseURL, load: .constantRate(Rate(perSecond: 1000)), duration: .seconds(1),
                    options: EngineOptions(maxConnections: 8, maxSendDelay: .seconds(30)))
                #expect(stats.sent == 1000)
                #expect(stats.errors.isEmpty, "\(stats.errors)")
                #expect(stats.completed == 1000)
                #expect(nginx.requestsLogged == 1000)
            }
        }

        /// `Connection: close` on an error response: the 503 is the only error, never a reset of the request after it.
        @Test func closeOnAnErrorStatusCountsOnlyTheStatus() async throws {
            try await NginxServer.with(serverDirectives: "keepalive_requests 10; location / { return 503; }") { nginx in
                let stats = try await run(nginx.baseURL, load: .constantUsers(4, think: .zero), duration: .milliseconds(800))
                #expect(stats.sent > 40)
                #expect(stats.errors == [.http5xx: stats.sent], "\(stats.errors)")
            }
        }

        /// nginx closes keep-alive connections idle for 30 ms while users think for about as long: requests race the
        /// server's close. None may be counted as an error.
        @Test func idleClosesBetweenRequestsAreNotErrors() async throws {
            try await NginxServer.with(serverDirectives: #"keepalive_timeout 30ms; location / { return 200 "ok\n"; }"#) { nginx in
                let closed = try await run(
                    nginx.baseURL, load: .constantUsers(8, think: .milliseconds(30)), duration: .seconds(2))
                #expect(closed.sent > 50)
                #expect(closed.errors.isEmpty, "closed model: \(closed.errors)")
                let open = try await run(
                    nginx.baseURL, load: .constantRate(Rate(perSecond: 100)), duration: .seconds(2),
                    options: EngineOptions(maxConnections: 4, maxSendDelay: .seconds(30)))
                #expect(open.sent == 200)
                #expect(open.errors.isEmpty, "open model: \(open.errors)")
                #expect(nginx.requestsLogged == closed.sent + open.sent)
            }
        }

        /// gzip with `chunked_transfer_encoding off`: nginx can only end the body by closing the connection.
        @Test func bodiesDelimitedByTheCloseComplete() async throws {
            let directory = try TemporaryDirectory()
            try Data(String(repeating: "compress me ", count: 400).utf8).write(
                to: directory.url.appendingPathComponent("page.txt"))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.url.path)
            let directives = """
                chunked_transfer_encoding off; gzip on; gzip_min_length 0; gzip_types text/plain;
                location / { root \(directory.url.path); default_type text/plain; }
                """
            try await NginxServer.with(serverDirectives: directives) { nginx in
                let request = RequestSpec(name: "r", path: "/page.txt", headers: [(name: "Accept-Encoding", value: "gzip")])
                let stats = try await run(
                    nginx.baseURL, load: .constantUsers(4, think: .zero), duration: .milliseconds(800), request: request)
                #expect(stats.sent > 40)
                #expect(stats.errors.isEmpty, "\(stats.errors)")
                #expect(stats.completed == stats.sent)
            }
        }

        /// Python's `http.server` answers in HTTP/1.0 and closes after every response without a `Connection` header.
        @Test(arguments: [false, true]) func http10RepliesEndTheConnection(openModel: Bool) async throws {
            try await PythonHTTPServer.with { server in
                // A connection per request to a Python server: modest rates, and a long max_send_delay so that a busy test
                // machine slows the run down instead of dropping requests.
                let load: LoadModel = openModel ? .constantRate(Rate(perSecond: 50)) : .constantUsers(2, think: .zero)
                let stats = try await run(
                    server.baseURL, load: load, duration: .seconds(1), options: EngineOptions(maxSendDelay: .seconds(30)))
                #expect(stats.sent >= 20)
                #expect(stats.errors.isEmpty, "\(stats.errors)")
                #expect(stats.completed == stats.sent)
            }
        }

        /// Every connection is closed by the server the instant its response is written, so the user's next request
        /// always races the close. A request the server never received is sent again; none is counted twice by the
        /// server, and every response the server wrote is counted once.
        @Test func requestsTheServerNeverReceivedAreRetriedOnce() async throws {
            try await TestHTTPServer.with { server in
                let stats = try await run(
                    server.baseURL, load: .constantUsers(4, think: .zero), duration: .seconds(1),
                    request: RequestSpec(name: "r", path: "/idle-close"))
                #expect(stats.retried > 0)
                #expect(stats.completed == server.requestsReceived)
                #expect(stats.completed + stats.errors[.reset, default: 0] == stats.sent)
                #expect(stats.errorCount * 100 <= stats.sent, "\(stats.errors) of \(stats.sent)")
            }
        }
    }
}
