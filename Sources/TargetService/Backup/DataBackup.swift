import Foundation
import GRDB

/// Backs up and restores a service data directory: `service.sqlite` (copied with `VACUUM INTO`, consistent even
/// while the service writes), the model files, `models.json` if present, and a `manifest.json` of sha256 sums.
public enum DataBackup {
    /// Copies `dataDirectory` into `destination` (created; must be missing or empty) and returns the manifest.
    ///
    /// The database is copied first and the model files after: files are never changed once written and are
    /// written before the row that names them, so every version the copied database knows has its file.
    @discardableResult
    public static func create(
        dataDirectory: String, to destination: String, now: Date = Date()
    ) throws(BackupError) -> BackupManifest {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: dataDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BackupError(.io, "no data directory at \(dataDirectory); give the --data directory the service runs with")
        }
        if let existing = try? files.contentsOfDirectory(atPath: destination), !existing.isEmpty {
            throw BackupError(.destinationNotEmpty, "\(destination) is not empty; back up into a new or empty directory")
        }
        do {
            try files.createDirectory(atPath: destination, withIntermediateDirectories: true)
            var copied: [String] = []
            let database = "\(dataDirectory)/\(ModelRegistry.databaseFileName)"
            if files.fileExists(atPath: database) {
                try snapshotDatabase(database, to: "\(destination)/\(ModelRegistry.databaseFileName)")
                copied.append(ModelRegistry.databaseFileName)
            }
            for relative in try dataFiles(in: dataDirectory) {
                let target = "\(destination)/\(relative)"
                try files.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try files.copyItem(atPath: "\(dataDirectory)/\(relative)", toPath: target)
                copied.append(relative)
            }
            let manifest = BackupManifest(
                format: BackupManifest.currentFormat, created: now,
                files: try copied.sorted().map { relative in
                    let contents = try Data(contentsOf: URL(fileURLWithPath: "\(destination)/\(relative)"))
                    return BackupManifest.File(path: relative, bytes: contents.count, sha256: SHA256.hex(contents))
                })
            // The manifest goes in last, under a temporary name: its presence marks a complete backup.
            let temporary = "\(destination)/.\(BackupManifest.fileName).partial"
            try manifest.encoded().write(to: URL(fileURLWithPath: temporary))
            try files.moveItem(atPath: temporary, toPath: "\(destination)/\(BackupManifest.fileName)")
            return manifest
        } catch let error as BackupError {
            throw error
        } catch {
            throw BackupError(
                .io, "backing up \(dataDirectory) into \(destination) failed: \(error); check free space and permissions")
        }
    }

    /// The model files and the catalog, relative to the data directory. Hidden files (partial writes) are skipped.
    static func dataFiles(in dataDirectory: String) throws -> [String] {
        let files = FileManager.default
        var found: [String] = []
        if files.fileExists(atPath: "\(dataDirectory)/models.json") { found.append("models.json") }
        let models = "\(dataDirectory)/\(ModelRegistry.modelsFolderName)"
        if let walker = files.enumerator(atPath: models) {
            while let relative = walker.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { continue }
                if files.fileExists(atPath: "\(models)/\(relative)", isDirectory: &isDirectory), !isDirectory.boolValue {
                    found.append("\(ModelRegistry.modelsFolderName)/\(relative)")
                }
            }
        }
        return found.sorted()
    }

    /// `VACUUM INTO`: a consistent, compact copy, taken without stopping writers; checked before it counts.
    static func snapshotDatabase(_ source: String, to target: String) throws {
        let queue = try DatabaseQueue(path: source)
        try queue.inDatabase { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [target])
        }
        try queue.close()
        if let problem = integrityProblem(ofDatabaseAt: target) {
            throw BackupError(
                .databaseDamaged,
                "the database copy failed its integrity check (\(problem)); the live database in \(source) may be damaged")
        }
    }

    /// Nil when `PRAGMA integrity_check` says "ok", else what it (or opening the file) reported.
    static func integrityProblem(ofDatabaseAt path: String) -> String? {
        do {
            // Not read-only: a WAL-mode file cannot always be opened read-only without its -shm file.
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            let lines = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            return lines == ["ok"] ? nil : lines.prefix(5).joined(separator: "; ")
        } catch {
            return "\(error)"
        }
    }
}
