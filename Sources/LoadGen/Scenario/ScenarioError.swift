/// One problem in a scenario file: where it is, which key, what is wrong and, when a near match exists, the fix.
public struct ScenarioError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file as it was given (used verbatim in messages).
    public var file: String
    /// 1-based line and column of the offending key or value; 0 when the problem has no position (unreadable file).
    public var line: Int
    public var column: Int
    /// Where in the document, e.g. `phases[1].arrival.burst`; empty for the document itself.
    public var keyPath: String
    /// What is wrong and what to do, already naming the key path.
    public var message: String
    /// The nearest valid key or value, shown as "did you mean ...?".
    public var suggestion: String?

    public init(file: String, line: Int, column: Int, keyPath: String, message: String, suggestion: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        let location = line > 0 ? "\(file):\(line):\(column)" : file
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return "\(location): \(message)\(hint)"
    }
}
