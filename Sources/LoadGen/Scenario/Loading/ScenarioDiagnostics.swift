import Yams

/// Collects every problem found while reading a scenario instead of stopping at the first one.
final class ScenarioDiagnostics {
    let file: String
    private(set) var errors: [ScenarioError] = []

    init(file: String) {
        self.file = file
    }

    /// Marks the current point, so a reader can tell whether anything it read was invalid.
    var checkpoint: Int { errors.count }

    func hasErrors(since checkpoint: Int) -> Bool { errors.count > checkpoint }

    /// Records a problem at `node`'s position (the start of the document when the node has none).
    func report(_ message: String, at node: Node?, path: YAMLPath, suggestion: String? = nil) {
        let mark = node?.mark
        report(message, line: mark?.line ?? 1, column: mark?.column ?? 1, path: path, suggestion: suggestion)
    }

    func report(_ message: String, line: Int, column: Int, path: YAMLPath, suggestion: String? = nil) {
        errors.append(
            ScenarioError(
                file: file, line: line, column: column, keyPath: path.description, message: message,
                suggestion: suggestion))
    }
}
