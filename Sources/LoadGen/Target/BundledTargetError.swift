/// Why the bundled target could not be started: which replica, what it wrote last, and what to do.
public struct BundledTargetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A bounded classification, safe to group by; the details are in `description`.
    public enum Kind: String, Sendable, Equatable {
        case executableNotFound = "executable_not_found"
        case unknownModel = "unknown_model"
        case invalidSettings = "invalid_settings"
        case launchFailed = "launch_failed"
        case replicaExited = "replica_exited"
        case notReady = "not_ready"
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
