/// Why loadgen refuses a target URL: it is malformed, or it names a remote host nobody allowed on the command line.
public struct TargetGuardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A bounded classification, safe to group by; the details are in `description`.
    public enum Kind: String, Sendable, Equatable {
        case invalidURL = "invalid_url"
        case remoteHostNotAllowed = "remote_host_not_allowed"
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
