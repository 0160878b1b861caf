import Foundation

/// Where end-to-end tests find the package's own files: the built `loadgen` binary, the shipped scenarios and the
/// photos they send. Derived from this source file's location, so tests run from any working directory.
enum PackageLayout {
    /// The package root (the directory holding Package.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // EndToEnd
        .deletingLastPathComponent()  // LoadGenTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The debug `loadgen` that `swift build` produces; the bundled targets' `targetservice` sits beside it.
    static let loadgen = root.appendingPathComponent(".build/debug/loadgen")

    static let scenariosDirectory = root.appendingPathComponent("scenarios")

    /// Scenarios whose end-to-end test of their own runs them and asserts more than the short-form sweep does;
    /// the sweep leaves them out so each runs once per test run.
    static let scenariosWithTheirOwnTest: Set<String> = ["rollback-replace.yaml", "disaster-recovery.yaml", "fault-latency.yaml"]

    /// Every scenario shipped in scenarios/, sorted by name.
    static func shippedScenarios() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scenariosDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { scenariosDirectory.appendingPathComponent($0) }
    }

    /// The scenarios the short-form sweep runs: every shipped one without an end-to-end test of its own.
    static func sweptScenarios() -> [URL] {
        shippedScenarios().filter { !scenariosWithTheirOwnTest.contains($0.lastPathComponent) }
    }

    /// The photos scenarios send, by absolute path (scenarios/payloads/images/*.jpg).
    static let photoGlob = scenariosDirectory.appendingPathComponent("payloads/images/*.jpg").path
}
