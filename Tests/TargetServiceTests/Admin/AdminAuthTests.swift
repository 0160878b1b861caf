import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import TargetService

/// The admin API's bearer token: disabled without one, 401 without a token, 403 for a wrong one, through with it.
@Suite struct AdminAuthTests {
    static let rollback = "/admin/models/face/rollback"

    @Test func answers403WithHowToEnableWhenNoTokenIsConfigured() async throws {
        try await RunningService.with { service in
            try await service.withClient { client in
                let response = try await client.admin(Self.rollback)
                #expect(response.status == .forbidden)
                #expect(try DetectEndpointTests.errorCode(response) == "admin_disabled")
                #expect(response.text.contains("--admin-token-file"))
            }
        }
    }

    @Test func missingWrongAndRightTokens() async throws {
        let data = try TemporaryDirectory()
        try await RunningService.withAdmin(data: data.path) { service in
            try await service.withClient { client in
                let missing = try await client.post(Self.rollback, body: ByteBuffer())
                #expect(missing.status == .unauthorized)
                #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(try DetectEndpointTests.errorCode(missing) == "unauthorized")

                let wrong = try await client.post(
                    Self.rollback, headers: [.authorization: "Bearer not-the-token"], body: ByteBuffer())
                #expect(wrong.status == .forbidden)
                #expect(try DetectEndpointTests.errorCode(wrong) == "invalid_token")

                // The right token gets past authorization: face has never had another version to roll back to.
                let right = try await client.admin(Self.rollback)
                #expect(right.status == .conflict)
                #expect(try DetectEndpointTests.errorCode(right) == "no_previous_version")
            }
        }
    }

    @Test func comparesTokensExactly() {
        let token = AdminToken("s3cret\n")
        #expect(token?.matches("s3cret") == true)
        #expect(token?.matches("s3cre") == false)
        #expect(token?.matches("s3cret!") == false)
        #expect(AdminToken("  \n") == nil)
    }
}
