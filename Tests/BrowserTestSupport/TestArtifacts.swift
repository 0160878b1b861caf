import Foundation

/// Where tests leave files for people to look at (screenshots, rendered reports and pages): `test-artifacts/` at the
/// package root, or `$TEST_ARTIFACTS_DIR`. Ignored by git; CI jobs can upload it.
public enum TestArtifacts {
    public static func directory(_ name: String) throws -> URL {
        let root: URL
        if let custom = ProcessInfo.processInfo.environment["TEST_ARTIFACTS_DIR"], !custom.isEmpty {
            root = URL(fileURLWithPath: custom)
        } else {
            // Tests/BrowserTestSupport/TestArtifacts.swift → the package root is three levels up.
            root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("test-artifacts")
        }
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
