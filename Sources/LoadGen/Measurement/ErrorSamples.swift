/// A bounded sample of error messages per code × phase × request: enough to diagnose, never unbounded memory.
public struct ErrorSamples: Sendable {
    /// Messages kept per key; further distinct messages are only counted.
    public static let limit = 10

    public struct Key: Sendable, Hashable {
        public var phase: String
        public var request: String
        public var code: ErrorCode
    }

    public private(set) var messages: [Key: [String]] = [:]

    public init() {}

    public mutating func add(_ message: String, for key: Key) {
        var kept = messages[key, default: []]
        guard kept.count < Self.limit, !kept.contains(message) else { return }
        kept.append(message)
        messages[key] = kept
    }

    public mutating func merge(_ other: ErrorSamples) {
        for (key, list) in other.messages {
            for message in list { add(message, for: key) }
        }
    }
}
