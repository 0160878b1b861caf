import Foundation
import Testing
@testable import TargetService

/// `targetservice backup` and `restore` as a user runs them: exit codes and the messages on stderr.
@Suite struct BackupCommandTests {
    @Test func backupThenRestoreRefusesANonEmptyDirectoryUnlessForced() async throws {
        let data = try TemporaryDirectory()
        let backups = try TemporaryDirectory()
        try await BackupRestoreTests.makeData(in: data)
        let backup = "\(backups.path)/one"

        let made = try ServiceProcess(["backup", "--data", data.path, "--to", backup])
        #expect(try await made.exitStatus() == 0, "stderr: \(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(backup)/manifest.json"))

        let refused = try ServiceProcess(["restore", "--from", backup, "--data", data.path])
        #expect(try await refused.exitStatus() == 1)
        let message = try await refused.fullStderr()
        #expect(message.contains("targetservice: error:") && message.contains("--force"), "stderr: \(message)")

        let forced = try ServiceProcess(["restore", "--from", backup, "--data", data.path, "--force"])
        #expect(try await forced.exitStatus() == 0, "stderr: \(forced.stderr)")
    }
}
