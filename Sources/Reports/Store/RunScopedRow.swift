import GRDB

/// Persists a record that belongs to a run: the record's own columns plus `run_id`.
/// Records leave `run_id` out so the runner builds them without knowing it, and reads need not return it.
struct RunScopedRow<Record: EncodableRecord & TableRecord>: PersistableRecord {
    static var databaseTableName: String { Record.databaseTableName }

    let runID: Int64
    let record: Record

    func encode(to container: inout PersistenceContainer) throws {
        try record.encode(to: &container)
        container["run_id"] = runID
    }
}
