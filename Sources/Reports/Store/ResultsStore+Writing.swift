import Foundation
import GRDB

/// What the runner calls while a run goes on. Each call is one transaction; nothing is held in memory between calls.
extension ResultsStore {
    /// Stores a new `running` run and returns its id.
    public func beginRun(_ run: RunStart) throws -> Int64 {
        try pool.write { db in
            var record = RunRecord(start: run)
            try record.insert(db)
            guard let id = record.id else { throw DatabaseError(message: "runs insert returned no row id") }
            return id
        }
    }

    /// Stores a phase; call it again with the same index (e.g. once `endedAtMs` is known) to replace it.
    public func recordPhase(runID: Int64, _ phase: PhaseRecord) throws {
        try pool.write { db in
            try RunScopedRow(runID: runID, record: phase).insert(db, onConflict: .replace)
        }
    }

    /// One transaction per call: the runner calls it once per second with that second's rows (seconds, events).
    public func appendSecond(runID: Int64, seconds: [SecondRecord], events: [EventRecord]) throws {
        try pool.write { db in
            for second in seconds { try RunScopedRow(runID: runID, record: second).insert(db) }
            for event in events { try RunScopedRow(runID: runID, record: event).insert(db) }
        }
    }

    /// Ends a run with its final status and everything only known at the end, in one transaction.
    public func finishRun(
        runID: Int64, status: RunStatus, exitCode: Int32, endedAt: Date, requestStats: [RequestStatsRecord],
        sla: [SLAResultRecord], errors: [ErrorSampleRecord], events: [EventRecord]
    ) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE runs SET status = ?, exit_code = ?, ended_at = ? WHERE id = ?",
                arguments: [status, exitCode, endedAt, runID]
            )
            guard db.changesCount == 1 else {
                throw ResultsStoreError(kind: .unknownRun, path: path, detail: "with id \(runID)")
            }
            for stats in requestStats { try RunScopedRow(runID: runID, record: stats).insert(db) }
            for result in sla { try RunScopedRow(runID: runID, record: result).insert(db) }
            for error in errors { try RunScopedRow(runID: runID, record: error).insert(db) }
            for event in events { try RunScopedRow(runID: runID, record: event).insert(db) }
        }
    }
}
