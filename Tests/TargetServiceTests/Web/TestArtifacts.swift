import Foundation

/// Where tests leave files for people to look at (screenshots, rendered pages): `test-artifacts/` at the package
/// root, or `$TEST_ARTIFACTS_DIR`. Ignored by git; CI jobs can upload it.
enum TestArtifacts {
    static func directory(_ name: String) throws -> URL {
        let root: URL
        if let custom = ProcessInfo.processInfo.environment["TEST_ARTIFACTS_DIR"], !custom.isEmpty {
            root = URL(fileURLWithPath: custom)
        } else {
            // Tests/TargetServiceTests/Web/TestArtifacts.swift → the package root is four levels up.
            root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("test-artifacts")
        }
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
