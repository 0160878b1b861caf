import Foundation

extension DataBackup {
    /// Restores `backup` into `dataDirectory`. Nothing is replaced until every file has been copied to a staging
    /// directory beside the target, matched its manifest checksum there, and the copied database has passed
    /// `PRAGMA integrity_check`; then the old directory is swapped out with renames. Refuses a non-empty
    /// `dataDirectory` unless `force`. Stop the service using `dataDirectory` first.
    @discardableResult
    public static func restore(
        from backup: String, to dataDirectory: String, force: Bool = false
    ) throws(BackupError) -> BackupManifest {
        let files = FileManager.default
        if !force, let existing = try? files.contentsOfDirectory(atPath: dataDirectory), !existing.isEmpty {
            throw BackupError(
                .dataNotEmpty,
                "\(dataDirectory) is not empty; restore into an empty directory, or pass --force to replace its contents")
        }
        let manifestPath = "\(backup)/\(BackupManifest.fileName)"
        guard let manifestData = files.contents(atPath: manifestPath) else {
            throw BackupError(
                .notABackup,
                "\(backup) has no \(BackupManifest.fileName): not a complete backup; give a directory made by 'targetservice backup'"
            )
        }
        let manifest: BackupManifest
        do {
            manifest = try BackupManifest.decode(manifestData)
        } catch {
            throw BackupError(
                .notABackup, "\(manifestPath) is not a valid manifest (\(error)); the backup is damaged, use another one")
        }
        guard manifest.format == BackupManifest.currentFormat else {
            throw BackupError(
                .notABackup,
                "\(manifestPath) has format \(manifest.format); this targetservice restores format \(BackupManifest.currentFormat)"
            )
        }
        if let unsafe = manifest.files.first(where: { $0.path.hasPrefix("/") || $0.path.split(separator: "/").contains("..") }) {
            throw BackupError(
                .notABackup, "\(manifestPath) lists '\(unsafe.path)', which points outside the backup; the manifest is damaged")
        }

        let target = URL(fileURLWithPath: dataDirectory).standardizedFileURL
        let parent = target.deletingLastPathComponent().path
        let staging = "\(parent)/.\(target.lastPathComponent).restoring-\(UUID().uuidString)"
        do {
            try stage(manifest, from: backup, into: staging)
        } catch {
            try? files.removeItem(atPath: staging)
            throw error
        }
        do {
            try files.createDirectory(atPath: parent, withIntermediateDirectories: true)
            if files.fileExists(atPath: target.path) {
                let replaced = "\(parent)/.\(target.lastPathComponent).replaced-\(UUID().uuidString)"
                try files.moveItem(atPath: target.path, toPath: replaced)
                do {
                    try files.moveItem(atPath: staging, toPath: target.path)
                } catch {
                    try? files.moveItem(atPath: replaced, toPath: target.path)
                    throw error
                }
                try? files.removeItem(atPath: replaced)
            } else {
                try files.moveItem(atPath: staging, toPath: target.path)
            }
        } catch {
            try? files.removeItem(atPath: staging)
            throw BackupError(.io, "could not move the restored files into \(dataDirectory): \(error); it was left as it was")
        }
        return manifest
    }

    /// Copies every manifest file into `staging` and checks the copies: checksums, then the database's integrity.
    private static func stage(_ manifest: BackupManifest, from backup: String, into staging: String) throws(BackupError) {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw BackupError(.io, "cannot create \(staging) to stage the restore: \(error); check permissions and free space")
        }
        for file in manifest.files {
            let source = "\(backup)/\(file.path)"
            let copy = "\(staging)/\(file.path)"
            guard files.fileExists(atPath: source) else {
                throw BackupError(
                    .missingFile,
                    "\(file.path) is listed in the manifest but missing from \(backup); the backup is incomplete, use another one"
                )
            }
            let sha: String
            do {
                try files.createDirectory(atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try files.copyItem(atPath: source, toPath: copy)
                sha = try SHA256.hex(ofFile: copy)
            } catch {
                throw BackupError(.io, "cannot copy \(source): \(error); check permissions and free space")
            }
            guard sha == file.sha256 else {
                throw BackupError(
                    .checksumMismatch,
                    """
                    checksum mismatch for \(file.path) in \(backup): expected sha256 \(file.sha256), got \(sha); \
                    the backup is damaged, nothing was restored; use another backup
                    """)
            }
        }
        let database = "\(staging)/\(ModelRegistry.databaseFileName)"
        if files.fileExists(atPath: database), let problem = integrityProblem(ofDatabaseAt: database) {
            throw BackupError(
                .databaseDamaged,
                """
                \(ModelRegistry.databaseFileName) in the backup failed PRAGMA integrity_check (\(problem)); nothing was restored; use another backup
                """)
        }
    }
}
