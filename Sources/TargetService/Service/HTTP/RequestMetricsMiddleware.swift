import Hummingbird

/// Counts every request by route, method and status, times it, and tracks how many are in flight.
/// Sits outside `ErrorResponseMiddleware`, so errors are counted with the status the client saw.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics
    let routes: KnownRoutes

    private static var standardMethods: Set<HTTPRequest.Method> { [.get, .head, .post, .put, .delete, .patch, .options] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let start = ContinuousClock.now
        metrics.requestStarted()
        defer { metrics.requestFinished() }
        let route = routes.label(for: request.uri.path, endpoint: context.endpointPath)
        // Clients can send any method token; keep the label set bounded.
        let method = Self.standardMethods.contains(request.method) ? request.method.rawValue : "other"
        do {
            let response = try await next(request, context)
            metrics.recordRequest(
                route: route, method: method, status: response.status.code, duration: ContinuousClock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.recordRequest(route: route, method: method, status: status, duration: ContinuousClock.now - start)
            throw error
        }
    }
}
