/// Why a backup or restore did not happen: a fixed kind (for scripts and tests) and a message saying what, where
/// and what to do.
public struct BackupError: Error, Sendable, CustomStringConvertible {
    /// The fixed set of failures.
    public enum Kind: String, Sendable {
        case destinationNotEmpty = "destination_not_empty"
        case dataNotEmpty = "data_not_empty"
        case notABackup = "not_a_backup"
        case missingFile = "missing_file"
        case checksumMismatch = "checksum_mismatch"
        case databaseDamaged = "database_damaged"
        case io = "io_error"
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
