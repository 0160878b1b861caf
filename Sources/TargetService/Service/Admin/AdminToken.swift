import Foundation

/// The bearer token the admin API accepts, compared in constant time so response timing reveals nothing about it.
public struct AdminToken: Sendable {
    private let digest: [UInt8]

    /// `secret` is trimmed of surrounding whitespace (token files usually end with a newline); nil when it is empty.
    public init?(_ secret: String) {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        digest = Array(SHA256.hex(trimmed.utf8).utf8)
    }

    /// Whether `candidate` is the token. Both sides are hashed first, so the comparison takes the same time
    /// whatever the candidate's length or how much of it matches.
    public func matches(_ candidate: some StringProtocol) -> Bool {
        let other = Array(SHA256.hex(candidate.utf8).utf8)
        var difference: UInt8 = 0
        for (a, b) in zip(digest, other) { difference |= a ^ b }
        return difference == 0 && digest.count == other.count
    }
}
