import Foundation
import Testing

/// `--reuse-port` lets a second replica listen on the port of the first; without it the second cannot bind.
@Suite struct ReusePortTests {
    @Test func replicasShareAPortOnlyWithReusePort() async throws {
        let first = try ServiceProcess(["serve", "--port", "0", "--reuse-port", "--log-level", "error"])
        defer { first.signal(SIGKILL) }
        let url = try await first.nextLine()
        let port = String(url.split(separator: ":").last ?? "")

        let second = try ServiceProcess(["serve", "--port", port, "--reuse-port", "--log-level", "error"])
        defer { second.signal(SIGKILL) }
        #expect(try await second.nextLine() == url)

        let refused = try ServiceProcess(["serve", "--port", port, "--log-level", "error"])
        #expect(try await refused.exitStatus() != 0)
        #expect(try await refused.fullStderr().contains("Address already in use"))

        first.signal(SIGTERM)
        second.signal(SIGTERM)
        #expect(try await first.exitStatus() == 0)
        #expect(try await second.exitStatus() == 0)
    }
}
