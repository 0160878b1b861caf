import Foundation

/// Request bodies loaded once before the run, rotated per request.
public struct PayloadSet: Sendable {
    /// One body and the basename of the file it came from (nil for literal or generated bodies).
    public struct Payload: Sendable {
        public var name: String?
        public var bytes: [UInt8]
    }

    public var payloads: [Payload]

    public init(payloads: [Payload]) { self.payloads = payloads }

    /// Loads the bodies a request spec names; globs resolve against `baseDirectory`.
    public static func load(_ body: RequestBody, baseDirectory: URL) throws -> PayloadSet {
        switch body {
        case .none:
            return PayloadSet(payloads: [Payload(name: nil, bytes: [])])
        case .text(let text):
            return PayloadSet(payloads: [Payload(name: nil, bytes: Array(text.utf8))])
        case .generated(let size):
            // Filler that is not an image: oversized-body tests only care about the length.
            return PayloadSet(payloads: [Payload(name: nil, bytes: [UInt8](repeating: 0x41, count: size))])
        case .files(let pattern):
            let files = PayloadGlob.files(matching: pattern, relativeTo: baseDirectory)
            guard !files.isEmpty else {
                throw PayloadError(message: "body glob '\(pattern)' matches no file under \(baseDirectory.path)")
            }
            return PayloadSet(
                payloads: try files.map { url in
                    guard let data = FileManager.default.contents(atPath: url.path) else {
                        throw PayloadError(message: "cannot read payload file \(url.path)")
                    }
                    return Payload(name: url.lastPathComponent, bytes: Array(data))
                })
        }
    }
}

/// A payload file could not be loaded.
public struct PayloadError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
