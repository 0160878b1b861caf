/// A small, strict XML reader for OpenCV's FileStorage cascade files. Foundation's XMLParser would pull libxml2 in
/// and report no element path; this one keeps the line of every element so load errors can point at it.
struct XMLReader {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Parses the document and returns its root element.
    static func parse(_ bytes: [UInt8], file: String) throws(CascadeLoadError) -> XMLNode {
        var reader = XMLReader(bytes: bytes, file: file)
        return try reader.document()
    }

    private mutating func document() throws(CascadeLoadError) -> XMLNode {
        try skipMisc()
        guard peek() == UInt8(ascii: "<") else { throw error("document", "expected a root element") }
        let root = try element(path: "")
        try skipMisc()
        if index < bytes.count { throw error(root.name, "unexpected content after the root element") }
        return root
    }

    /// Skips whitespace, the XML declaration, comments and processing instructions between elements.
    private mutating func skipMisc() throws(CascadeLoadError) {
        while index < bytes.count {
            if isSpace(bytes[index]) {
                advance()
            } else if starts(with: "<?") {
                try skip(until: "?>", context: "processing instruction")
            } else if starts(with: "<!--") {
                try skip(until: "-->", context: "comment")
            } else {
                return
            }
        }
    }

    private mutating func element(path: String) throws(CascadeLoadError) -> XMLNode {
        let startLine = line
        advance()  // '<'
        let name = readName()
        if name.isEmpty { throw error(path.isEmpty ? "document" : path, "expected an element name", line: startLine) }
        var node = XMLNode(name: name, attributes: [:], children: [], text: "", line: startLine)
        // Attributes.
        while true {
            skipSpaces()
            guard let c = peek() else { throw error(name, "file ends inside the start tag", line: startLine) }
            if c == UInt8(ascii: "/") {
                advance()
                guard peek() == UInt8(ascii: ">") else { throw error(name, "expected '>' after '/'") }
                advance()
                return node
            }
            if c == UInt8(ascii: ">") {
                advance()
                break
            }
            let attribute = readName()
            if attribute.isEmpty { throw error(name, "malformed attribute") }
            skipSpaces()
            guard peek() == UInt8(ascii: "=") else { throw error(name, "attribute '\(attribute)' has no value") }
            advance()
            skipSpaces()
            guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw error(name, "attribute '\(attribute)' value must be quoted")
            }
            advance()
            let start = index
            while let c = peek(), c != quote { advance() }
            if index >= bytes.count { throw error(name, "unterminated value of attribute '\(attribute)'") }
            node.attributes[attribute] = decodeEntities(String(decoding: bytes[start..<index], as: UTF8.self))
            advance()
        }
        // Content.
        var text: [UInt8] = []
        while true {
            guard let c = peek() else { throw error(name, "file ends before </\(name)>", line: startLine) }
            if c != UInt8(ascii: "<") {
                text.append(c)
                advance()
                continue
            }
            if starts(with: "<!--") {
                try skip(until: "-->", context: "comment")
            } else if starts(with: "</") {
                index += 2
                let closing = readName()
                skipSpaces()
                guard closing == name, peek() == UInt8(ascii: ">") else {
                    throw error(name, "expected </\(name)> but found </\(closing)>")
                }
                advance()
                break
            } else if starts(with: "<?") {
                try skip(until: "?>", context: "processing instruction")
            } else {
                node.children.append(try element(path: name))
            }
        }
        node.text = decodeEntities(String(decoding: text, as: UTF8.self))
        return node
    }

    private func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingAll("&lt;", "<").replacingAll("&gt;", ">").replacingAll("&quot;", "\"")
            .replacingAll("&apos;", "'").replacingAll("&amp;", "&")
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") { line += 1 }
        index += 1
    }

    private mutating func skipSpaces() {
        while let c = peek(), isSpace(c) { advance() }
    }

    private func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
    }

    private mutating func readName() -> String {
        let start = index
        while let c = peek(), !isSpace(c), c != UInt8(ascii: ">"), c != UInt8(ascii: "/"), c != UInt8(ascii: "="),
            c != UInt8(ascii: "<")
        {
            advance()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    private mutating func skip(until terminator: StaticString, context: String) throws(CascadeLoadError) {
        let startLine = line
        while index < bytes.count {
            if starts(with: terminator) {
                index += terminator.utf8CodeUnitCount
                return
            }
            advance()
        }
        throw error(context, "unterminated \(context)", line: startLine)
    }

    private func error(_ element: String, _ reason: String, line: Int? = nil) -> CascadeLoadError {
        CascadeLoadError(file: file, line: line ?? self.line, element: element, reason: reason)
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
