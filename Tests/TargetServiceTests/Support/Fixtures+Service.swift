import Foundation

extension Fixtures {
    /// Where `swift build` put the `targetservice` executable: beside the test bundle's resources.
    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("targetservice")
    }

    static let faceCascade = cascadePath("haarcascades/haarcascade_frontalface_default.xml")
}
