import Foundation
import GRDB

/// Feedback messages in `service.sqlite`. They hold personal data (name, email), so they can be erased by email
/// and are deleted once older than the retention period.
public final class FeedbackStore: Sendable {
    let database: any DatabaseWriter

    public init(database: any DatabaseWriter) {
        self.database = database
    }

    /// Stores a valid submission (trimmed); returns its id.
    public func add(_ submission: FeedbackSubmission, now: Date = Date()) async throws(StorageFailure) -> Int64 {
        do {
            return try await database.write { db in
                try db.execute(
                    sql: "INSERT INTO feedback (name, email, message, created) VALUES (?, ?, ?, ?)",
                    arguments: [
                        submission.name.trimmingCharacters(in: .whitespacesAndNewlines),
                        submission.email.trimmingCharacters(in: .whitespacesAndNewlines),
                        submission.message.trimmingCharacters(in: .whitespacesAndNewlines),
                        now,
                    ])
                return db.lastInsertedRowID
            }
        } catch {
            throw StorageFailure(
                "cannot store feedback: \(error)", condition: DataDirectoryCondition.of(error, databasePath: database.path))
        }
    }

    /// Erases every message from `email` (case-insensitive); returns how many.
    public func deleteAll(from email: String) async throws(StorageFailure) -> Int {
        do {
            return try await database.write { db in
                try db.execute(
                    sql: "DELETE FROM feedback WHERE email = ?",
                    arguments: [email.trimmingCharacters(in: .whitespacesAndNewlines)])
                return db.changesCount
            }
        } catch {
            throw StorageFailure(
                "cannot delete feedback: \(error)", condition: DataDirectoryCondition.of(error, databasePath: database.path))
        }
    }

    /// Deletes messages created before `cutoff`; returns how many.
    @discardableResult
    public func purge(olderThan cutoff: Date) async throws(RegistryError) -> Int {
        do {
            return try await database.write { db in
                try db.execute(sql: "DELETE FROM feedback WHERE created < ?", arguments: [cutoff])
                return db.changesCount
            }
        } catch {
            throw RegistryError("cannot purge old feedback: \(error)")
        }
    }

    /// How many messages are stored from `email` (nil: from anyone).
    public func count(from email: String? = nil) async throws(RegistryError) -> Int {
        do {
            return try await database.read { db in
                if let email {
                    return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback WHERE email = ?", arguments: [email]) ?? 0
                }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback") ?? 0
            }
        } catch {
            throw RegistryError("cannot count feedback: \(error)")
        }
    }
}
