/// Replaces `${NAME}` with the value of environment variable NAME; `$${` stands for a literal `${`.
///
/// Only the values that differ between environments take variables (target URL, request paths, header values), so
/// secrets such as tokens stay out of scenario files.
struct VariableSubstitution {
    let environment: [String: String]

    /// The text with every variable replaced, or the first problem: an unset variable or a malformed reference.
    func apply(to text: String) -> Result<String, SyntaxProblem> {
        var output = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            rest = rest[dollar...]
            if rest.hasPrefix("$${") {
                output += "${"
                rest = rest.dropFirst(3)
            } else if rest.hasPrefix("${") {
                guard let close = rest.firstIndex(of: "}") else {
                    return .failure(SyntaxProblem("unterminated '${' in '\(text)'; write ${NAME}, or $${ for a literal ${"))
                }
                let name = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])
                guard Self.isValidName(name) else {
                    return .failure(
                        SyntaxProblem(
                            "invalid variable name '\(name)' in '\(text)'; names are letters, digits and _, not starting with a digit"
                        ))
                }
                guard let value = environment[name] else {
                    return .failure(
                        SyntaxProblem(
                            "environment variable '\(name)' is not set; export \(name) before running, or write $${\(name)} for a literal ${\(name)}"
                        ))
                }
                output += value
                rest = rest[rest.index(after: close)...]
            } else {
                output += "$"
                rest = rest.dropFirst()
            }
        }
        output += rest
        return .success(output)
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || isLetter($0) || ("0"..."9").contains($0) }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
