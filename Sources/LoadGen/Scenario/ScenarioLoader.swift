import Foundation
import Yams

/// Reads scenario YAML into a validated `Scenario`; every problem is reported, with its position, before anything runs.
public enum ScenarioLoader {
    /// Reads, substitutes ${VAR}s, parses and validates; throws ScenarioErrors listing every problem found.
    public static func load(file: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Scenario {
        let label = file.isFileURL ? file.relativePath : file.absoluteString
        let yaml: String
        do {
            yaml = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ScenarioErrors([
                ScenarioError(
                    file: label, line: 0, column: 0, keyPath: "",
                    message: "cannot read the scenario file (\(Self.reason(error))); check the path and permissions")
            ])
        }
        return try parse(
            yaml: yaml, file: label, baseDirectory: file.standardizedFileURL.deletingLastPathComponent(),
            environment: environment, sourceFile: file.standardizedFileURL)
    }

    /// Parses and validates YAML text; `file` labels messages, `baseDirectory` anchors payload globs and golden files.
    /// The scenario's `sourceFile` becomes `baseDirectory/<last component of file>`.
    public static func parse(yaml: String, file: String, baseDirectory: URL, environment: [String: String]) throws -> Scenario {
        let name = (file as NSString).lastPathComponent
        return try parse(
            yaml: yaml, file: file, baseDirectory: baseDirectory, environment: environment,
            sourceFile: baseDirectory.appendingPathComponent(name.isEmpty ? "scenario.yaml" : name))
    }

    private static func parse(
        yaml: String, file: String, baseDirectory: URL, environment: [String: String], sourceFile: URL
    ) throws -> Scenario {
        let diagnostics = ScenarioDiagnostics(file: file)
        let parser = ScenarioParser(
            diagnostics: diagnostics, baseDirectory: baseDirectory, environment: environment, sourceFile: sourceFile)
        if let root = compose(yaml, diagnostics: diagnostics), let scenario = parser.scenario(from: root) {
            return scenario
        }
        throw ScenarioErrors(diagnostics.errors)
    }

    /// The YAML tree, or nil after reporting why there is none (syntax error, duplicate key, empty file).
    private static func compose(_ yaml: String, diagnostics: ScenarioDiagnostics) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: yaml) else {
                diagnostics.report(
                    "the file is empty; a scenario needs name, target, requests and phases", line: 1, column: 1, path: .root)
                return nil
            }
            return root
        } catch let error as YamlError {
            reportSyntax(error, diagnostics: diagnostics)
            return nil
        } catch {
            diagnostics.report("invalid YAML: \(error)", line: 1, column: 1, path: .root)
            return nil
        }
    }

    private static func reportSyntax(_ error: YamlError, diagnostics: ScenarioDiagnostics) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? problem
            diagnostics.report("invalid YAML: \(detail)", line: mark.line, column: mark.column, path: .root)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.report(
                "duplicate key \(keys) in one mapping; each key may appear once", line: context.mark.line,
                column: context.mark.column, path: .root)
        default:
            diagnostics.report("invalid YAML: \(error)", line: 1, column: 1, path: .root)
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
