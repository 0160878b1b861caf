import GRDB

/// What reports read. Rows come back in timeline or scenario order.
extension ResultsStore {
    /// The most recent runs first.
    public func runs(limit: Int = 50) throws -> [RunRecord] {
        try pool.read { db in
            try RunRecord.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id DESC LIMIT ?", arguments: [limit])
        }
    }

    public func run(id: Int64) throws -> RunRecord? {
        try pool.read { db in try RunRecord.fetchOne(db, key: id) }
    }

    public func latestRunID() throws -> Int64? {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM runs") }
    }

    public func phases(runID: Int64) throws -> [PhaseRecord] {
        try fetch(PhaseRecord.self, runID: runID, orderBy: "idx")
    }

    public func seconds(runID: Int64) throws -> [SecondRecord] {
        try fetch(SecondRecord.self, runID: runID, orderBy: "second, phase")
    }

    /// In the order they were stored (the runner stores them in scenario order).
    public func requestStats(runID: Int64) throws -> [RequestStatsRecord] {
        try fetch(RequestStatsRecord.self, runID: runID, orderBy: "rowid")
    }

    public func slaResults(runID: Int64) throws -> [SLAResultRecord] {
        try fetch(SLAResultRecord.self, runID: runID, orderBy: "id")
    }

    /// Most frequent first.
    public func errorSamples(runID: Int64) throws -> [ErrorSampleRecord] {
        try fetch(ErrorSampleRecord.self, runID: runID, orderBy: "count DESC, phase, request, code")
    }

    public func events(runID: Int64) throws -> [EventRecord] {
        try fetch(EventRecord.self, runID: runID, orderBy: "at_ms, id")
    }

    /// `orderBy` is always a literal from this file, never user input.
    private func fetch<Record: FetchableRecord & TableRecord>(_: Record.Type, runID: Int64, orderBy: String) throws -> [Record] {
        try pool.read { db in
            try Record.fetchAll(
                db, sql: "SELECT * FROM \(Record.databaseTableName) WHERE run_id = ? ORDER BY \(orderBy)", arguments: [runID]
            )
        }
    }
}
