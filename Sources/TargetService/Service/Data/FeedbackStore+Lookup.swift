import Foundation
import GRDB

/// One stored feedback message, as the personal-data export returns it.
public struct StoredFeedback: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var email: String
    public var message: String
    public var created: Date
}

extension FeedbackStore {
    /// Every message from `email`, oldest first: what a person may ask to see (and what a disaster-recovery drill
    /// reads back to find which acknowledged writes survived a restore).
    public func messages(from email: String) async throws(RegistryError) -> [StoredFeedback] {
        do {
            return try await database.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT id, name, email, message, created FROM feedback WHERE email = ? ORDER BY id",
                    arguments: [email.trimmingCharacters(in: .whitespacesAndNewlines)]
                ).map { row in
                    StoredFeedback(
                        id: row["id"], name: row["name"], email: row["email"], message: row["message"], created: row["created"])
                }
            }
        } catch {
            throw RegistryError("cannot read feedback: \(error)")
        }
    }
}
