/// Why an action failed: a message for the summary and the event, plus whatever it had learned before failing.
public struct ActionFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var detail: [String: String]

    public init(_ message: String, detail: [String: String] = [:]) {
        self.message = message
        self.detail = detail
    }

    public var description: String { message }
}
