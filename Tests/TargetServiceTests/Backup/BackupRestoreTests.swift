import Foundation
import Logging
import Testing
@testable import TargetService

/// Backup and restore of a data directory: a round trip keeps the registry and files; a damaged backup is caught
/// (checksum naming the file, or the database's integrity check) and nothing is replaced.
@Suite struct BackupRestoreTests {
    /// A data directory with the face model at versions 1 and 2, version 2 active.
    static func makeData(in data: borrowing TemporaryDirectory) async throws {
        let registry = try ModelRegistry(dataDirectory: data.path)
        try await registry.seed(from: RunningService.versionOneCatalog)
        let record = try await registry.store(
            name: "face", label: "face", cascade: try Fixtures.alt2CascadeBytes(),
            parameters: DetectionParameters(minNeighbors: 4))
        try await registry.recordActivation(name: "face", version: record.version)
    }

    static func snapshot(_ data: String) async throws -> ([ModelVersionRecord], [Int], [String: Data]) {
        let registry = try ModelRegistry(dataDirectory: data)
        var files: [String: Data] = [:]
        for path in try DataBackup.dataFiles(in: data) { files[path] = FileManager.default.contents(atPath: "\(data)/\(path)") }
        return (try await registry.allVersions(), try await registry.activationHistory(of: "face"), files)
    }

    @Test func roundTripRestoresTheSameRegistryAndFiles() async throws {
        let data = try TemporaryDirectory()
        let backups = try TemporaryDirectory()
        try await Self.makeData(in: data)
        let before = try await Self.snapshot(data.path)

        let manifest = try DataBackup.create(dataDirectory: data.path, to: "\(backups.path)/one")
        #expect(manifest.files.map(\.path) == ["models/face/1/cascade.xml", "models/face/2/cascade.xml", "service.sqlite"])

        try FileManager.default.removeItem(atPath: data.path)
        try DataBackup.restore(from: "\(backups.path)/one", to: data.path)
        let after = try await Self.snapshot(data.path)
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        #expect(after.2 == before.2)
    }

    @Test func refusesANonEmptyDataDirectoryWithoutForce() async throws {
        let data = try TemporaryDirectory()
        let backups = try TemporaryDirectory()
        try await Self.makeData(in: data)
        try DataBackup.create(dataDirectory: data.path, to: "\(backups.path)/one")
        let error = #expect(throws: BackupError.self) { try DataBackup.restore(from: "\(backups.path)/one", to: data.path) }
        #expect(error?.kind == .dataNotEmpty)
        #expect(error?.message.contains("--force") == true)
        try DataBackup.restore(from: "\(backups.path)/one", to: data.path, force: true)
    }

    @Test func aFlippedByteInAModelFileIsNamedAndNothingIsReplaced() async throws {
        let data = try TemporaryDirectory()
        let backups = try TemporaryDirectory()
        try await Self.makeData(in: data)
        let backup = "\(backups.path)/one"
        try DataBackup.create(dataDirectory: data.path, to: backup)
        try Self.flipByte(in: "\(backup)/models/face/2/cascade.xml", at: 1000)
        // A live data directory, different from the backup, that a failed restore must leave alone.
        _ = try data.write("marker", Array("keep me".utf8))
        let before = try await Self.snapshot(data.path)

        let error = #expect(throws: BackupError.self) { try DataBackup.restore(from: backup, to: data.path, force: true) }
        #expect(error?.kind == .checksumMismatch)
        #expect(error?.message.contains("models/face/2/cascade.xml") == true, "\(String(describing: error))")
        #expect(FileManager.default.fileExists(atPath: "\(data.path)/marker"))
        #expect(try await Self.snapshot(data.path).2 == before.2)
        #expect(try Self.leftovers(besides: data) == [])
    }

    @Test func aDamagedDatabaseFailsTheIntegrityCheckAndNothingIsReplaced() async throws {
        let data = try TemporaryDirectory()
        let backups = try TemporaryDirectory()
        try await Self.makeData(in: data)
        let backup = "\(backups.path)/one"
        try DataBackup.create(dataDirectory: data.path, to: backup)
        // Damage the second page (a table b-tree) and re-seal the manifest, as if the database had been damaged
        // before the backup was taken: only the integrity check can notice.
        let database = "\(backup)/service.sqlite"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        for offset in pageSize..<(pageSize + 64) { bytes[offset] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: database))
        try Self.reseal(backup)
        _ = try data.write("marker", Array("keep me".utf8))

        let error = #expect(throws: BackupError.self) { try DataBackup.restore(from: backup, to: data.path, force: true) }
        #expect(error?.kind == .databaseDamaged, "\(String(describing: error))")
        #expect(error?.message.contains("integrity_check") == true)
        #expect(FileManager.default.fileExists(atPath: "\(data.path)/marker"))
        #expect(try Self.leftovers(besides: data) == [])
    }

    @Test func scheduledBackupsKeepTheNewest() throws {
        let data = try TemporaryDirectory()
        let backups = try TemporaryDirectory()
        _ = try data.write("models.json", Array("{}".utf8))
        let scheduler = BackupScheduler(
            dataDirectory: data.path, backupDirectory: backups.path, interval: .seconds(60), keep: 2,
            logger: .init(label: "test"))
        for minute in 0..<4 {
            try scheduler.runOnce(now: Date(timeIntervalSince1970: 1_800_000_000 + Double(minute * 60)))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: backups.path).sorted()
        #expect(names == ["backup-20270115T080200Z", "backup-20270115T080300Z"])
    }

    @Test func retentionPicksOnlyOldScheduledBackups() {
        let names = ["backup-20260101T000000Z", "notes.txt", "backup-20260103T000000Z", "backup-20260102T000000Z"]
        #expect(BackupRetention.expired(names, keep: 2) == ["backup-20260101T000000Z"])
        #expect(BackupRetention.expired(names, keep: 5) == [])
        #expect(BackupRetention.directoryName(for: Date(timeIntervalSince1970: 0)) == "backup-19700101T000000Z")
    }

    static func flipByte(in path: String, at offset: Int) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[offset] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    /// Rewrites the manifest's checksums to match the files as they are now.
    static func reseal(_ backup: String) throws {
        let path = "\(backup)/\(BackupManifest.fileName)"
        var manifest = try BackupManifest.decode(try Data(contentsOf: URL(fileURLWithPath: path)))
        for index in manifest.files.indices {
            manifest.files[index].sha256 = try SHA256.hex(ofFile: "\(backup)/\(manifest.files[index].path)")
        }
        try manifest.encoded().write(to: URL(fileURLWithPath: path))
    }

    /// Staging or swapped-out directories a restore left beside the data directory.
    static func leftovers(besides data: borrowing TemporaryDirectory) throws -> [String] {
        let parent = data.url.deletingLastPathComponent().path
        let name = data.url.lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix(".\(name).") }
    }
}
