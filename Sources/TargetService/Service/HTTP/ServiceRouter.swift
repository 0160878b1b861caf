import Hummingbird

/// The service's routes: detection through the worker pool; health, readiness and metrics answered directly on
/// the event loop (they never wait for a worker, so they stay fast while detection saturates every core);
/// the model registry's status; the token-guarded admin API; and the HTML pages for people (`WebPages`).
enum ServiceRouter {
    static func make(
        detect: DetectEndpoint, models: ModelsEndpoint, admin: AdminEndpoint, feedback: FeedbackEndpoint, adminToken: AdminToken?,
        readiness: Readiness, metrics: ServiceMetrics, pool: DetectionWorkerPool, web: WebPages? = nil
    ) -> Router<BasicRequestContext> {
        var routes = KnownRoutes()
        routes.add(.post, "/v1/detect")
        routes.add(.get, "/v1/models")
        routes.add(.get, "/v1/models/:name")
        routes.add(.post, "/v1/feedback")
        routes.add(.delete, "/v1/feedback")
        routes.add(.get, "/v1/feedback")
        routes.add(.get, "/healthz")
        routes.add(.get, "/readyz")
        routes.add(.get, "/metrics")
        routes.add(.post, "/admin/models/:name/versions")
        routes.add(.post, "/admin/models/:name/activate")
        routes.add(.post, "/admin/models/:name/rollback")
        if web != nil {
            for path in ["/", "/detect", "/about", "/feedback", "/contact"] {
                routes.add(.get, path)
            }
            routes.add(.post, "/detect")
            routes.add(.post, "/feedback")
        }

        let router = Router(context: BasicRequestContext.self)
        /// A GET route, answered for HEAD too (the middleware sends its status and headers without the body).
        func get(
            _ path: RouterPath,
            _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> some ResponseGenerator
        ) {
            router.get(path, use: handler)
            router.head(path, use: handler)
        }
        // Outermost: Date on every response, errors included; HEAD answered by the GET routes.
        router.add(middleware: ProtocolMiddleware(readiness: readiness))
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics, routes: routes))
        router.add(middleware: ErrorResponseMiddleware(routes: routes))

        router.post("/v1/detect") { request, context in
            try await detect.handle(request, context: context)
        }
        get("/v1/models") { _, _ in
            try await models.list()
        }
        get("/v1/models/:name") { _, context in
            try await models.status(of: try context.parameters.require("name"))
        }
        router.post("/v1/feedback") { request, _ in
            try await feedback.submit(request)
        }
        router.delete("/v1/feedback") { request, _ in
            try await feedback.erase(request)
        }
        get("/v1/feedback") { request, _ in
            try await feedback.export(request)
        }
        get("/healthz") { _, _ in
            Self.json(.ok, #"{"status":"alive"}"#)
        }
        get("/readyz") { _, _ in
            let state = readiness.current
            return Self.json(state == .ready ? .ok : .serviceUnavailable, #"{"status":"\#(state.rawValue)"}"#)
        }
        get("/metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(
                    byteBuffer: ByteBuffer(bytes: metrics.exposition(pool: pool.currentLoad, workerCPUTime: pool.workerCPUTime)))
            )
        }

        if let web {
            get("/") { _, _ in try web.home() }
            get("/detect") { _, _ in try web.detectForm() }
            router.post("/detect") { request, _ in try await web.detectUpload(request) }
            get("/about") { _, _ in try web.about() }
            get("/feedback") { _, _ in try web.feedbackForm() }
            router.post("/feedback") { request, _ in try await web.feedbackSubmit(request) }
            get("/contact") { _, _ in try web.contact() }
        }

        let adminRoutes = router.group("/admin/models").add(middleware: AdminAuthMiddleware(token: adminToken))
        adminRoutes.post(":name/versions") { request, context in
            try await admin.upload(request, name: try context.parameters.require("name"))
        }
        adminRoutes.post(":name/activate") { request, context in
            try await admin.activate(request, name: try context.parameters.require("name"))
        }
        adminRoutes.post(":name/rollback") { _, context in
            try await admin.rollback(name: try context.parameters.require("name"))
        }
        return router
    }

    private static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
