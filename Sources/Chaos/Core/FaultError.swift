/// Why a fault could not be parsed, injected or reverted. `unsupported` means this machine cannot do it (not root,
/// no nftables, mounting not permitted): the run reports it with the reason and never skips it silently.
public struct FaultError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case invalidParameter = "invalid_parameter"
        case unsupported
        case failed
    }

    public var kind: Kind
    /// What happened, where, and what to do; shown to the user as is.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
