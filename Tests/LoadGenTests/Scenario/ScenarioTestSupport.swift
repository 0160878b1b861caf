import Foundation
import Testing

@testable import LoadGen

/// Parses inline scenario YAML the way `loadgen run` would, and returns what a user would see.
enum ScenarioInput {
    /// A directory for scenarios that reference no files; nothing is read from or written to it.
    static let noFiles = URL(fileURLWithPath: "/nonexistent-scenario-dir")

    static func parse(
        _ yaml: String, file: String = "scenario.yaml", in directory: URL = noFiles, environment: [String: String] = [:]
    ) throws -> Scenario {
        try ScenarioLoader.parse(yaml: yaml, file: file, baseDirectory: directory, environment: environment)
    }

    /// The error lines for `yaml`; records a test failure when it parses.
    static func errors(
        _ yaml: String, file: String = "scenario.yaml", in directory: URL = noFiles, environment: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [String] {
        do {
            _ = try parse(yaml, file: file, in: directory, environment: environment)
            Issue.record("expected the scenario to be rejected", sourceLocation: sourceLocation)
            return []
        } catch let errors as ScenarioErrors {
            return errors.description.components(separatedBy: "\n")
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
            return []
        }
    }
}

/// Runs `body` with a fresh temporary directory holding `files` (relative path → contents), removed afterwards.
func withScenarioDirectory<Result>(
    files: [String: String], _ body: (URL) throws -> Result
) throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (path, contents) in files {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
    return try body(directory)
}
