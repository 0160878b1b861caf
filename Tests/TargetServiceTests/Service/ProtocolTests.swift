import Foundation
import Testing

/// What HTTP clients expect of the real `targetservice serve` process, checked with curl: `Date` on every response
/// (errors too), and `HEAD` on every GET route with the GET's status and `Content-Length` and no body, so a
/// keep-alive connection stays in step.
@Suite struct ProtocolTests {
    private func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-sS", "--max-time", "10"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private func header(_ name: String, in head: String) -> String? {
        head.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    @Test func headAnswersEveryGetRouteAndEveryResponseHasADate() async throws {
        let server = try ServiceProcess(["serve", "--host", "127.0.0.1", "--port", "0", "--log-level", "warning"])
        let url = try await server.nextLine()
        let port = try #require(Int(url.split(separator: ":").last ?? ""))
        try await waitUntil("readiness", within: .seconds(30), every: .milliseconds(10)) {
            (try? await GracefulDrainTests.get("/readyz", port: port).status) == .ok
        }
        for path in ["/healthz", "/readyz", "/v1/models", "/v1/models/face", "/", "/about"] {
            let get = try curl(["-D", "-", url + path])
            let head = try curl(["-I", url + path])
            let getHead = String(get.prefix { $0 != "{" && $0 != "<" })
            #expect(head.hasPrefix("HTTP/1.1 200"), "HEAD \(path): \(head)")
            #expect(getHead.hasPrefix("HTTP/1.1 200"), "GET \(path): \(getHead)")
            let body = get.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
            #expect(header("Content-Length", in: head) == "\(body.utf8.count)", "HEAD \(path): \(head)")
            #expect(header("Content-Type", in: head) == header("Content-Type", in: getHead), "\(path)")
        }
        // A HEAD then a GET on one keep-alive connection: the HEAD sent no body, or the GET would read it.
        let both = try curl(["-I", url + "/healthz", "--next", url + "/healthz"])
        #expect(both.hasSuffix(#"{"status":"alive"}"#), "\(both)")
        // Every response carries the date, errors included: a 404, a 405 and a 400.
        let now = Date()
        for (arguments, status) in [
            ([url + "/nowhere"], "404"), (["-X", "DELETE", url + "/healthz"], "405"),
            (["-X", "POST", "-H", "content-type: image/jpeg", "--data-binary", "not a jpeg", url + "/v1/detect"], "400"),
        ] {
            let head = try curl(["-D", "-", "-o", "/dev/null"] + arguments)
            #expect(head.hasPrefix("HTTP/1.1 \(status)"), "\(arguments): \(head)")
            let date = try #require(header("Date", in: head), "\(arguments): \(head)")
            let parsed = try #require(Self.httpDate(date), "unparsable Date '\(date)'")
            #expect(abs(parsed.timeIntervalSince(now)) < 60, "Date \(date)")
        }
        server.signal(SIGTERM)
        #expect(try await server.exitStatus() == 0)
    }

    /// Once SIGTERM starts the drain, every response says `Connection: close` (the listener stays open for
    /// --shutdown-delay, with /readyz 503), so keep-alive clients reconnect elsewhere.
    @Test func drainingResponsesCloseTheConnection() async throws {
        let server = try ServiceProcess([
            "serve", "--host", "127.0.0.1", "--port", "0", "--log-level", "warning", "--shutdown-delay", "5s",
        ])
        let url = try await server.nextLine()
        let port = try #require(Int(url.split(separator: ":").last ?? ""))
        try await waitUntil("readiness", within: .seconds(30), every: .milliseconds(10)) {
            (try? await GracefulDrainTests.get("/readyz", port: port).status) == .ok
        }
        #expect(header("Connection", in: try curl(["-I", url + "/healthz"])) == nil)
        server.signal(SIGTERM)
        try await waitUntil("the drain to begin", within: .seconds(10), every: .milliseconds(10)) {
            (try? await GracefulDrainTests.get("/readyz", port: port).status) == .serviceUnavailable
        }
        let draining = try curl(["-I", url + "/healthz"])
        #expect(draining.hasPrefix("HTTP/1.1 200"), "\(draining)")
        #expect(header("Connection", in: draining) == "close", "\(draining)")
        #expect(try await server.exitStatus() == 0)
    }

    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
