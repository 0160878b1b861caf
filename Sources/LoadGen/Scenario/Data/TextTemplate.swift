/// Text with placeholders filled per request: `{{FEED.FIELD}}` (a field of the row a data feed gives this request)
/// and the built-ins `{{uuid}}`, `{{sequence}}` and `{{unix_ms}}`. Used in paths, header values and text bodies;
/// `${VAR}` (the environment, filled once when the scenario loads) is a different thing.
public struct TextTemplate: Sendable, Equatable {
    /// One part of the text.
    public enum Piece: Sendable, Equatable {
        case literal(String)
        case field(feed: String, name: String)
        case builtin(Builtin)
    }

    /// Values made per request without a feed.
    public enum Builtin: String, Sendable, CaseIterable {
        /// A random UUID (lower case): an idempotency key, a trace id.
        case uuid
        /// 1, 2, 3, … over the whole run (each generator of a split run counts its own).
        case sequence
        /// The wall-clock time the request was due, in Unix milliseconds.
        case unixMs = "unix_ms"
    }

    public var pieces: [Piece]

    /// Whether anything is filled per request (a template without placeholders is sent as pre-encoded bytes).
    public var hasPlaceholders: Bool {
        pieces.contains { if case .literal = $0 { false } else { true } }
    }

    /// The feeds it draws from.
    public var feeds: Set<String> {
        Set(pieces.compactMap { if case .field(let feed, _) = $0 { feed } else { nil } })
    }

    /// Splits `text` at its placeholders; the error says what is wrong with the first bad one.
    public static func parse(_ text: String) -> Result<TextTemplate, TemplateError> {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                return .failure(TemplateError("'{{' at '\(rest[open.lowerBound...].prefix(20))' is never closed with '}}'"))
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                pieces.append(.field(feed: String(parts[0]), name: String(parts[1])))
            } else if let builtin = Builtin(rawValue: name) {
                pieces.append(.builtin(builtin))
            } else {
                let builtins = Builtin.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(
                    TemplateError("unknown placeholder '{{\(name)}}'; use {{FEED.FIELD}} for a data feed or one of \(builtins)"))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return .success(TextTemplate(pieces: pieces))
    }
}

/// Why a template cannot be used, for the scenario error that points at it.
public struct TemplateError: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
