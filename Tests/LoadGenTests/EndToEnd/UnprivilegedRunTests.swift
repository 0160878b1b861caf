import Foundation
import Testing

/// loadgen as an ordinary user, as its image runs it (uid 10001) and as most people run it: every request is sent
/// and answered. (TCP_NODELAY was once set at the wrong level, as SO_DEBUG, which only root may set: every connect
/// failed for anyone else, and those requests were counted as sent but never as failed.)
@Suite struct UnprivilegedRunTests {
    @Test(.enabled(if: getuid() == 0, "needs root to drop to another user"))
    func anOrdinaryUserSendsAndIsAnswered() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let file = try directory.write(
            "user.yaml",
            """
            name: unprivileged
            target: { url: "\(server.baseURL)" }
            requests:
              - { name: probe, method: GET, path: /ok, expect: { status: 200 } }
            phases:
              - { name: steady, duration: 1s, arrival: { rate: 10/s } }
            sla:
              - { phase: steady, error_rate: 0% }
            """)
        // The user needs to write its database and read the scenario.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid=65534", "--regid=65534", "--clear-groups", PackageLayout.loadgen.path, "run", file, "--quiet", "--db",
            directory.path("results.sqlite"),
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        let row = text.split(separator: "\n").first { $0.hasPrefix("steady") }.map(String.init) ?? text
        #expect(
            row.split(separator: " ", omittingEmptySubsequences: true).prefix(4) == ["steady", "probe", "10", "10"], "\(row)")
        #expect(server.requestsReceived == 10)
    }
}
