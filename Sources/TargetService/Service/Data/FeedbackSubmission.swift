import Foundation

/// The body of `POST /v1/feedback`, and the rules it must meet.
public struct FeedbackSubmission: Sendable, Decodable, Equatable {
    public var name: String
    public var email: String
    public var message: String

    public init(name: String, email: String, message: String) {
        self.name = name
        self.email = email
        self.message = message
    }

    static let maxNameLength = 200
    static let maxEmailLength = 254
    static let maxMessageLength = 5000

    /// Every rule the submission breaks, one sentence each; empty when it is valid. Text is checked trimmed.
    public var problems: [String] {
        var problems: [String] = []
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines)
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > Self.maxNameLength {
            problems.append("name must be 1-\(Self.maxNameLength) characters")
        }
        if email.count > Self.maxEmailLength || !Self.looksLikeEmail(email) {
            problems.append("email must look like name@example.com (at most \(Self.maxEmailLength) characters)")
        }
        if message.isEmpty || message.count > Self.maxMessageLength {
            problems.append("message must be 1-\(Self.maxMessageLength) characters")
        }
        return problems
    }

    /// One "@", something before it, a dotted domain after it, no spaces: enough to catch typos, not an RFC parser.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}
