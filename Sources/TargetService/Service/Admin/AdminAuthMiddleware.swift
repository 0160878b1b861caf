import Foundation
import Hummingbird

/// Guards `/admin`: 403 `admin_disabled` when no token is configured (the message says how to enable it), 401 with
/// `WWW-Authenticate: Bearer` without `Authorization: Bearer …`, 403 `invalid_token` for a wrong token.
struct AdminAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: AdminToken?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        try Self.authorize(request, token: token)
        return try await next(request, context)
    }

    /// Throws the 401/403 a request without the right bearer token gets; for routes outside `/admin` too.
    static func authorize(_ request: Request, token: AdminToken?) throws(ServiceError) {
        guard let token else {
            throw ServiceError(
                .forbidden, .adminDisabled,
                """
                the admin API is disabled; start serve with --admin-token-file FILE or set TARGETSERVICE_ADMIN_TOKEN to enable it
                """)
        }
        let header = request.headers[.authorization] ?? ""
        guard header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw ServiceError(
                .unauthorized, .unauthorized, "send the admin token as 'Authorization: Bearer TOKEN'",
                headers: [.wwwAuthenticate: #"Bearer realm="targetservice-admin""#])
        }
        guard token.matches(header.dropFirst(7).trimmingCharacters(in: .whitespaces)) else {
            throw ServiceError(
                .forbidden, .invalidToken,
                "the admin token is wrong; use the one from --admin-token-file or TARGETSERVICE_ADMIN_TOKEN")
        }
    }
}
