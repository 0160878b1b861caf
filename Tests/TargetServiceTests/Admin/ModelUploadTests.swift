import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import TargetService

/// Uploading versions: broken cascades are refused with the parser's reason and line, valid ones become the next
/// version, and `/v1/models` reports them.
@Suite struct ModelUploadTests {
    @Test func refusesBrokenXMLWithTheReasonAndLine() async throws {
        let data = try TemporaryDirectory()
        try await RunningService.withAdmin(data: data.path) { service in
            try await service.withClient { client in
                let broken = Array("<?xml version=\"1.0\"?>\n<opencv_storage>\n<cascade>\n<stageType>BOOST</stageType>\n".utf8)
                let response = try await client.admin("/admin/models/face/versions", body: broken)
                #expect(response.status == .unprocessableContent)
                #expect(try DetectEndpointTests.errorCode(response) == "invalid_model")
                #expect(response.text.contains("uploaded cascade:"), "message: \(response.text)")

                let notACascade = try await client.admin("/admin/models/face/versions", body: Array("<html></html>".utf8))
                #expect(notACascade.status == .unprocessableContent)
                #expect(notACascade.text.contains("opencv_storage"))
            }
        }
    }

    @Test func storesAValidCascadeAsVersionTwoAndListsIt() async throws {
        let data = try TemporaryDirectory()
        let cascade = try Fixtures.alt2CascadeBytes()
        try await RunningService.withAdmin(data: data.path) { service in
            try await service.withClient { client in
                let response = try await client.admin("/admin/models/face/versions?min_neighbors=4", body: cascade)
                #expect(response.status == .created, "\(response.text)")
                let json = try #require(try JSONSerialization.jsonObject(with: response.data) as? [String: Any])
                #expect(json["version"] as? Int == 2)

                let status = try await client.get("/v1/models/face")
                #expect(status.status == .ok)
                let model = try JSONDecoder().decode(ModelStatus.self, from: status.data)
                #expect(model.activeVersion == "1")
                #expect(model.modelVersionStatus.map(\.version) == ["1", "2"])
                #expect(model.modelVersionStatus.map(\.state) == ["AVAILABLE", "START"])
                #expect(model.modelVersionStatus.allSatisfy { $0.status.errorCode == "OK" })

                let list = try await client.get("/v1/models")
                #expect(list.status == .ok)
                #expect(list.text.contains(#""default_model":"face""#))
                #expect(try await client.get("/v1/models/nope").status == .notFound)
            }
        }
        #expect(FileManager.default.fileExists(atPath: "\(data.path)/models/face/2/cascade.xml"))
    }

    /// The parts of `GET /v1/models/{name}` these tests read (TF Serving's shape).
    struct ModelStatus: Decodable {
        struct Version: Decodable {
            struct Status: Decodable {
                var errorCode: String
                enum CodingKeys: String, CodingKey { case errorCode = "error_code" }
            }

            var version: String
            var state: String
            var status: Status
        }

        var activeVersion: String?
        var modelVersionStatus: [Version]

        enum CodingKeys: String, CodingKey {
            case activeVersion = "active_version"
            case modelVersionStatus = "model_version_status"
        }
    }
}
