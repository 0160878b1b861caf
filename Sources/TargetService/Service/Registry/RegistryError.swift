/// A registry operation that failed: what was being done, and the underlying reason (SQLite's, with the SQL,
/// or the file system's).
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
