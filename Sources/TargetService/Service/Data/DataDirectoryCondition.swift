import Foundation
import GRDB

/// Why the data directory refuses writes — full (ENOSPC, SQLITE_FULL) or read-only (EROFS, SQLITE_READONLY) — so
/// writes can answer 503 with what to do while detections carry on. Both pass by themselves once space returns
/// or the directory is writable again: every write simply tries again.
public enum DataDirectoryCondition: String, Sendable, Equatable {
    case full
    case readOnly = "read_only"

    /// The condition `error` shows, or nil when it is some other failure. SQLite reports most write errors on a
    /// full disk as SQLITE_FULL, but some (WAL, shared memory) as a generic I/O error; then the file system of
    /// `databasePath` is asked directly.
    public static func of(_ error: any Error, databasePath: String? = nil) -> DataDirectoryCondition? {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_FULL: return .full
            case .SQLITE_READONLY: return .readOnly
            case .SQLITE_IOERR, .SQLITE_CANTOPEN:
                return databasePath.flatMap { probe(URL(fileURLWithPath: $0).deletingLastPathComponent().path) }
            default: return nil
            }
        }
        let code =
            (error as? POSIXError).map { Int($0.code.rawValue) }
            ?? ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
        if code == Int(ENOSPC) || code == Int(EDQUOT) { return .full }
        if code == Int(EROFS) { return .readOnly }
        return nil
    }

    /// What the file system at `directory` says now: read-only mount, or no block left for us.
    public static func probe(_ directory: String) -> DataDirectoryCondition? {
        var stats = statvfs()
        guard statvfs(directory, &stats) == 0 else { return nil }
        if stats.f_flag & UInt(ST_RDONLY) != 0 { return .readOnly }
        if stats.f_bavail == 0 { return .full }
        return nil
    }

    /// The 503 a write gets meanwhile; `Retry-After` because the condition passes by itself.
    func serviceError(doing operation: String) -> ServiceError {
        let message =
            switch self {
            case .full:
                "cannot \(operation): the data directory is full; free space on it (or wait for retention to delete old data) and retry. Detections keep working."
            case .readOnly:
                "cannot \(operation): the data directory is read-only; remount it read-write and retry. Detections keep working."
            }
        return ServiceError(
            .serviceUnavailable, self == .full ? .dataDirectoryFull : .dataDirectoryReadOnly, message,
            headers: [.retryAfter: "\(Self.retryAfterSeconds)"])
    }

    static let retryAfterSeconds = 5
}
