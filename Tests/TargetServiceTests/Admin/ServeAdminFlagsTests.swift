import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The real `targetservice serve` with the registry's flags: `--admin-token-file`, `--data` and scheduled backups.
@Suite struct ServeAdminFlagsTests {
    @Test func tokenFileEnablesTheAdminAPIAndBackupsRunOnSchedule() async throws {
        let data = try TemporaryDirectory()
        let work = try TemporaryDirectory()
        let tokenFile = try work.write("admin-token", Array("file-token\n".utf8))
        _ = try data.write(
            "models.json",
            Array(
                """
                {"models": [{"name": "face", "cascade": "\(Fixtures.faceCascade)"}]}
                """.utf8))
        let backups = "\(work.path)/backups"
        let server = try ServiceProcess([
            "serve", "--host", "127.0.0.1", "--port", "0", "--data", data.path, "--workers", "1", "--log-level", "info",
            "--admin-token-file", tokenFile, "--backup-every", "1s", "--backup-dir", backups, "--backup-keep", "2",
        ])
        let url = try await server.nextLine()
        let port = try #require(Int(url.split(separator: ":").last ?? ""))
        try await waitUntil("readiness", within: .seconds(30), every: .milliseconds(10)) {
            (try? await GracefulDrainTests.get("/readyz", port: port).status) == .ok
        }
        try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(10))) { client in
            let status = try await client.get("/v1/models/face")
            #expect(status.status == .ok)
            #expect(status.text.contains(#""active_version":"1""#))
            let rollback = try await client.post(
                "/admin/models/face/rollback", headers: [.authorization: "Bearer file-token"], body: ByteBuffer())
            #expect(rollback.status == .conflict, "\(rollback.text)")
        }
        try await waitUntil("a scheduled backup", within: .seconds(20), every: .milliseconds(10)) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: backups)) ?? []
            return names.contains { FileManager.default.fileExists(atPath: "\(backups)/\($0)/manifest.json") }
        }
        server.signal(SIGTERM)
        #expect(try await server.exitStatus() == 0, "stderr: \(server.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(data.path)/models/face/1/cascade.xml"))
    }

    @Test func anEmptyTokenFileIsAUsageError() async throws {
        let work = try TemporaryDirectory()
        let tokenFile = try work.write("admin-token", Array("\n".utf8))
        let server = try ServiceProcess(["serve", "--port", "0", "--admin-token-file", tokenFile])
        #expect(try await server.exitStatus() == 64)
        #expect(try await server.fullStderr().contains("is empty"))
    }
}
