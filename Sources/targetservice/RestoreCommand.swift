import ArgumentParser
import Foundation
import TargetService

/// `targetservice restore`: verifies a backup completely, then replaces a data directory with it.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a data directory from a backup, after verifying every checksum and the database's integrity.",
        discussion: """
            Nothing is replaced unless the whole backup verifies. A non-empty --data directory is refused unless
            --force is given. Stop the service that uses --data first.
            """
    )

    @Option(help: "A backup directory made by 'targetservice backup' or 'serve --backup-every'.")
    var from: String

    @Option(help: "The data directory to restore into.")
    var data: String

    @Flag(help: "Replace a non-empty data directory.")
    var force = false

    func run() throws {
        do {
            let manifest = try DataBackup.restore(from: from, to: data, force: force)
            // restore verified every checksum and PRAGMA integrity_check before replacing anything.
            print(
                "restored \(manifest.files.count) files into \(data) from the backup of \(manifest.created.ISO8601Format()); checksums ok; integrity_check ok"
            )
        } catch {
            FileHandle.standardError.write(Data("targetservice: error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}
