import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing

/// `--control-port 0`: replicas sharing one port each announce a private address, and a request there always
/// reaches that replica (its process holds the socket the request arrived on).
@Suite struct ControlPortTests {
    private static func controlURL(of replica: ServiceProcess) async throws -> String {
        try await waitUntil("the control listener to be announced", within: .seconds(20), every: .milliseconds(10)) {
            replica.stderr.contains("control listener on ")
        }
        let line = replica.stderr.split(separator: "\n").first { $0.contains("control listener on ") } ?? ""
        let tail = line[line.range(of: "control listener on ")!.upperBound...]
        return String(tail.prefix { !$0.isWhitespace })
    }

    @Test func eachReplicaAnswersOnItsOwnControlPort() async throws {
        let first = try ServiceProcess(["serve", "--port", "0", "--reuse-port", "--control-port", "0", "--log-level", "info"])
        defer { first.signal(SIGKILL) }
        let shared = try await first.nextLine()
        let port = String(shared.split(separator: ":").last ?? "")
        let second = try ServiceProcess(["serve", "--port", port, "--reuse-port", "--control-port", "0", "--log-level", "info"])
        defer { second.signal(SIGKILL) }
        #expect(try await second.nextLine() == shared)

        let controls = [try await Self.controlURL(of: first), try await Self.controlURL(of: second)]
        #expect(Set(controls).count == 2 && !controls.contains(shared))
        for (replica, control) in zip([first, second], controls) {
            let port = try #require(URLComponents(string: control)?.port)
            // The listening socket on that port belongs to this replica's process.
            // Read to the end: /proc files report size 0, and a busy machine's table spans many pages.
            let table = String(
                decoding: try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/net/tcp")).readToEnd() ?? Data(),
                as: UTF8.self)
            let listening = table.split(separator: "\n").first {
                $0.contains(String(format: "0100007F:%04X 00000000:0000 0A", port))
            }
            let inode = try #require(listening?.split(separator: " ", omittingEmptySubsequences: true)[9])
            let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(replica.pid)/fd")
            #expect(
                descriptors.contains {
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(replica.pid)/fd/\($0)"))
                        == "socket:[\(inode)]"
                })
            let (_, response) = try await URLSession.shared.data(from: URL(string: control + "/healthz")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
        }
        first.signal(SIGTERM)
        second.signal(SIGTERM)
        #expect(try await first.exitStatus() == 0)
        #expect(try await second.exitStatus() == 0)
    }
}
