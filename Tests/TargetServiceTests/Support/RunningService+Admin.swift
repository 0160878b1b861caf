import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import TargetService

extension RunningService {
    static let adminSecret = "test-admin-token"
    static let bearer: HTTPFields = [.authorization: "Bearer \(adminSecret)"]

    /// A face model at version 1, so the first upload becomes version 2.
    static let versionOneCatalog = try! ModelCatalog(
        defaultModel: "face",
        models: [ModelSpec(name: "face", label: "face", version: 1, cascadePath: Fixtures.faceCascade)]
    )

    /// A service with a data directory, the admin token above and the face model at version 1.
    static func withAdmin<T: Sendable>(
        data: String,
        workers: Int = 1,
        _ body: @escaping @Sendable (RunningService) async throws -> T
    ) async throws -> T {
        try await with(
            configure: { configuration in
                configuration.catalog = versionOneCatalog
                configuration.dataDirectory = data
                configuration.adminToken = AdminToken(adminSecret)
                configuration.workers = workers
                configuration.queueDepth = 4 * workers
            }, body)
    }
}

extension TestClient {
    /// `POST path` with the admin token and `body`.
    func admin(_ path: String, body: [UInt8] = []) async throws -> TestClient.Response {
        try await post(path, headers: RunningService.bearer, body: ByteBuffer(bytes: body))
    }
}

extension Fixtures {
    /// Another stock face cascade, uploaded as a new version of "face" in admin tests.
    static func alt2CascadeBytes() throws -> [UInt8] {
        let path = cascadePath("haarcascades/haarcascade_frontalface_alt2.xml")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProcessError("cannot read \(path); install opencv-data")
        }
        return [UInt8](data)
    }
}
