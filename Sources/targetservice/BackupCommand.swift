import ArgumentParser
import Foundation
import TargetService

/// `targetservice backup`: copies a data directory (registry database, model files) with a checksum manifest.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up a data directory: service.sqlite (VACUUM INTO), model files and a manifest.json of sha256 sums.",
        discussion: "Safe while the service runs. The destination must be missing or empty. Prints the destination."
    )

    @Option(help: "The service's data directory.")
    var data: String

    @Option(help: "Where to write the backup (created; must be missing or empty).")
    var to: String

    func run() throws {
        do {
            let manifest = try DataBackup.create(dataDirectory: data, to: to)
            print("\(to) (\(manifest.files.count) files)")
        } catch {
            FileHandle.standardError.write(Data("targetservice: error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}
