import GRDB

/// Stored as its raw value in `runs.status`.
extension RunStatus: DatabaseValueConvertible {}
