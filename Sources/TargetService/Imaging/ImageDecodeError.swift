/// Why an uploaded image could not be turned into pixels; `code` is a fixed set, `message` the decoder's words.
public struct ImageDecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The fixed, metric-label-safe reason.
    public enum Code: String, Sendable {
        case empty = "empty_body"
        case corrupt = "corrupt_image"
        case unsupported = "unsupported_image"
        case tooLarge = "image_too_large"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
