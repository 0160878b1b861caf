/// A parsed XML element: just what cascade files use (elements, attributes, text), with its source line for errors.
public struct XMLNode: Sendable {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLNode]
    public var text: String
    public var line: Int

    /// The first child element called `name`.
    public func child(_ name: String) -> XMLNode? {
        children.first { $0.name == name }
    }

    /// Whitespace-separated tokens of the element's text, e.g. "0 -1 2 3.5e-01".
    public var tokens: [Substring] {
        // `isWhitespace` also covers "\r\n", a single Character in Swift; several shipped cascades use CRLF.
        text.split(whereSeparator: \.isWhitespace)
    }
}

/// Where and why a cascade file could not be understood.
public struct CascadeLoadError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let element: String
    public let reason: String

    public init(file: String, line: Int?, element: String, reason: String) {
        self.file = file
        self.line = line
        self.element = element
        self.reason = reason
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): invalid cascade at <\(element)>: \(reason)"
    }
}
