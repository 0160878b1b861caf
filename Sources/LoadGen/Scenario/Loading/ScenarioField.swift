import Yams

/// One node of the scenario document with its key path: reads itself as the shape a key expects and reports
/// a located error (returning nil) when it does not fit.
struct ScenarioField {
    let node: Node
    let path: YAMLPath
    let diagnostics: ScenarioDiagnostics

    /// Reports `"<path>: <problem>"` at this node.
    func fail(_ problem: String, suggestion: String? = nil) {
        diagnostics.report("\(path): \(problem)", at: node, path: path, suggestion: suggestion)
    }

    /// Reports `"<path> must be <expected>, not <what was written>"` at this node.
    func failType(_ expected: String) {
        diagnostics.report("\(path) must be \(expected), not \(written)", at: node, path: path)
    }

    /// How the node appears in messages: the scalar quoted, or its kind.
    var written: String {
        switch node {
        case .scalar(let scalar): isNull ? "empty" : "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// `~`, `null` or nothing after the colon.
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The node as a mapping restricted to `keys`; an empty value counts as an empty mapping.
    func mapping(keys: [String], unsupported: [String] = []) -> ScenarioMapping? {
        if isNull { return ScenarioMapping(field: self, pairs: [], keys: keys, unsupported: unsupported) }
        guard case .mapping(let mapping) = node else {
            failType("a mapping of keys (\(keys.joined(separator: ", ")))")
            return nil
        }
        return ScenarioMapping(field: self, pairs: Array(mapping), keys: keys, unsupported: unsupported)
    }

    /// The node as a mapping whose keys are data (header names, JSON paths), in document order.
    func anyKeyMapping(of what: String) -> ScenarioMapping? {
        if isNull { return ScenarioMapping(field: self, pairs: [], keys: nil, unsupported: []) }
        guard case .mapping(let mapping) = node else {
            failType("a mapping of \(what)")
            return nil
        }
        return ScenarioMapping(field: self, pairs: Array(mapping), keys: nil, unsupported: [])
    }

    /// The node's items; `nonEmpty` demands at least one.
    func sequence(nonEmpty: Bool = false, of what: String) -> [ScenarioField]? {
        guard case .sequence(let sequence) = node else {
            failType("a list of \(what)")
            return nil
        }
        if nonEmpty && sequence.isEmpty {
            fail("needs at least one entry (\(what))")
            return nil
        }
        return sequence.enumerated().map { ScenarioField(node: $1, path: path.appending($0), diagnostics: diagnostics) }
    }

    /// The text of a non-empty scalar; `expected` describes the value for the type error.
    func scalar(expected: String) -> String? {
        guard case .scalar(let scalar) = node, !isNull else {
            failType(expected)
            return nil
        }
        return scalar.string
    }

    /// Any text (numbers and booleans are read as written).
    func string() -> String? { scalar(expected: "text") }

    /// A whole number no smaller than `minimum`.
    func int(atLeast minimum: Int) -> Int? {
        let expected = "a whole number >= \(minimum)"
        guard let text = scalar(expected: expected) else { return nil }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }), let value = Int(text) else {
            failType(expected)
            return nil
        }
        guard value >= minimum else {
            fail("\(value) is too small; it must be at least \(minimum)")
            return nil
        }
        return value
    }

    /// `true` or `false`.
    func bool() -> Bool? {
        guard let text = scalar(expected: "true or false") else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            failType("true or false")
            return nil
        }
    }

    /// A name other keys can refer to: letters, digits, `_`, `.` and `-`.
    func identifier() -> String? {
        guard let text = scalar(expected: "a name") else { return nil }
        let allowed = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)
        }
        guard allowed else {
            fail("invalid name '\(text)'; use only letters, digits, '_', '.' and '-'")
            return nil
        }
        return text
    }

    /// One of `choices`, suggesting the nearest when the value is not.
    func choice(_ choices: [String], what: String) -> String? {
        guard let text = scalar(expected: what) else { return nil }
        guard choices.contains(text) else {
            fail(
                "unknown \(what) '\(text)'; expected one of \(choices.joined(separator: ", "))",
                suggestion: Suggestion.nearest(to: text, among: choices))
            return nil
        }
        return text
    }
}
