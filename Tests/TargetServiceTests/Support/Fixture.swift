import Foundation

/// Test inputs shipped in `Fixtures/` (copied into the test bundle's resources).
enum Fixture {
    static func url(_ relativePath: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/\(relativePath)", withExtension: nil)!
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relativePath)))
    }

    /// Where `swift build` put the `targetservice` executable: beside the test bundle's resources.
    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("targetservice")
    }

    static let faceCascade = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"
}
