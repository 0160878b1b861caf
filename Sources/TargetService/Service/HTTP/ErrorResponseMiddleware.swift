import Hummingbird
import Logging

/// Turns every error into the service's JSON error body, so clients see one shape and one fixed set of codes.
/// A known path with the wrong method becomes 405 with `Allow`; an unknown path 404. Anything unexpected is a
/// 500 `internal_error`, logged with its details (which the client does not see).
struct ErrorResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: KnownRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        // The router sets the endpoint before calling a matched route; its not-found responder then sets it to
        // "NotFound", so it must be read now.
        let matchedRoute = context.endpointPath != nil
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound && !matchedRoute {
            return try routeError(request).response(from: request, context: context)
        } catch let error as HTTPError where (400..<500).contains(error.status.code) {
            let code: ServiceError.Code = error.status == .notFound ? .notFound : .badRequest
            return try ServiceError(error.status, code, error.body ?? error.status.reasonPhrase).response(
                from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return try ServiceError(.internalServerError, .internalError, "internal error; see the server log").response(
                from: request, context: context)
        }
    }

    private func routeError(_ request: Request) -> ServiceError {
        guard let allowed = routes.allowed(for: request.uri.path) else {
            return ServiceError(
                .notFound, .notFound,
                "no route \(request.uri.path); the service serves POST /v1/detect, GET /v1/models, /healthz, /readyz, /metrics, POST /admin/models/NAME/{versions,activate,rollback} and the pages /, /detect, /about, /feedback, /contact"
            )
        }
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return ServiceError(
            .methodNotAllowed, .methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path); use \(list)",
            headers: [.allow: list])
    }
}
