import Foundation
import GRDB

/// The SQLite results store: one file, one writer, WAL. Runs are written once per second and read by reports.
///
/// Concurrency: a `DatabasePool` serialises writes and lets reports read while a run is being written.
/// Every write API call is one transaction, and nothing is buffered between calls, so a process killed at any
/// moment leaves every committed second readable.
public final class ResultsStore: Sendable {
    /// The database file.
    public let path: String
    /// Runs found still `running` when the store was opened — their process died — now marked `aborted`.
    public let recoveredRuns: [Int64]

    let pool: DatabasePool

    private init(path: String, pool: DatabasePool, recoveredRuns: [Int64]) {
        self.path = path
        self.pool = pool
        self.recoveredRuns = recoveredRuns
    }

    /// Opens (creating if needed) the store at `path`, brings its schema up to date and marks dead runs `aborted`.
    public static func open(path: String) throws -> ResultsStore {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ResultsStoreError(kind: .cannotCreateDirectory, path: path, detail: "\(error.localizedDescription)")
        }

        var configuration = Configuration()
        // A report reading while the runner writes waits rather than failing at once.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // With WAL, NORMAL loses no committed transaction on a process crash (only, at worst, on power loss).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }

        let pool: DatabasePool
        do {
            pool = try openPool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw openError(error, path: path)
        }

        let recovered: [Int64]
        do {
            try checkNotNewer(pool: pool, path: path)
            try migrate(pool)
            recovered = try pool.write { db in
                // Only runs whose process is gone: another loadgen may be writing into this file right now.
                let running = try Row.fetchAll(
                    db, sql: "SELECT id, pid FROM runs WHERE status = ? ORDER BY id", arguments: [RunStatus.running])
                let dead = running.filter { row in
                    guard let pid = row["pid"] as Int32? else { return true }
                    return !ProcessLiveness.isAlive(pid)
                }.map { $0["id"] as Int64 }
                for id in dead {
                    try db.execute(sql: "UPDATE runs SET status = ? WHERE id = ?", arguments: [RunStatus.aborted, id])
                }
                return dead
            }
        } catch let error as DatabaseError {
            throw openError(error, path: path, migrating: true)
        }
        return ResultsStore(path: path, pool: pool, recoveredRuns: recovered)
    }

    /// Opens the pool, waiting out another process that is opening the same file: switching a new database to WAL
    /// takes a lock SQLite's busy timeout does not wait for, so loadgen runs started together against one new file
    /// could fail with "database is locked". Retried for up to 10 s, as the busy timeout would.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError
                where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && ContinuousClock.now < deadline
            {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// SQLite's `PRAGMA integrity_check`: `ok`, or the problems it found, one per line.
    public func integrityCheck() throws -> String {
        try pool.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
        }
    }

    /// Applies pending migrations. Two processes opening a new file at once can both see a migration as pending;
    /// the loser's CREATE fails once the winner committed, so re-read what is applied and go on (a few times).
    private static func migrate(_ pool: DatabasePool) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch let error as DatabaseError {
                attempt += 1
                if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
                if attempt >= 5 { throw error }
                usleep(20_000)
            }
        }
    }

    private static func checkNotNewer(pool: DatabasePool, path: String) throws {
        let unknown = try pool.read { db -> [String] in
            guard try db.tableExists("grdb_migrations") else { return [] }
            let known = Set(migrator.migrations)
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").filter { !known.contains($0) }
        }
        if !unknown.isEmpty {
            throw ResultsStoreError(
                kind: .newerSchema, path: path, detail: "unknown migrations: \(unknown.joined(separator: ", "))")
        }
    }

    private static func openError(_ error: DatabaseError, path: String, migrating: Bool = false) -> ResultsStoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            ResultsStoreError(kind: .notADatabase, path: path, detail: error.message ?? "\(error.resultCode)")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            ResultsStoreError(kind: .cannotOpen, path: path, detail: error.message ?? "\(error.resultCode)")
        default:
            ResultsStoreError(kind: migrating ? .migrationFailed : .cannotOpen, path: path, detail: error.message ?? "\(error)")
        }
    }
}
