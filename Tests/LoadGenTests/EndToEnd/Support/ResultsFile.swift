import Foundation
import GRDB

/// Reads a results database read-only, from outside the loadgen process that writes it: what a report or CI job
/// would see, without the recovery that `ResultsStore.open` performs.
struct ResultsFile: Sendable {
    let path: String

    /// The `second` numbers stored for the newest run, ascending; empty while the file or the run does not exist.
    func storedSeconds() -> [Int] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return
            (try? read { db in
                try Int.fetchAll(db, sql: "SELECT second FROM seconds WHERE run_id = (SELECT MAX(id) FROM runs) ORDER BY second")
            }) ?? []
    }

    /// SQLite's own verdict on the file: `ok`, or the problems, one per line.
    func integrityCheck() throws -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }

    /// The `status` column of the newest run.
    func newestRunStatus() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT status FROM runs ORDER BY id DESC LIMIT 1") }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read(body)
    }
}
