import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// The bundled detection service: HTTP server, worker pool and model loading, run as one ServiceGroup.
///
/// Shutdown order (the group stops services in reverse): the HTTP server first (readiness 503, stop accepting,
/// drain in-flight requests), then the model loader, then the worker pool.
public struct DetectionService: Sendable {
    public let configuration: ServiceConfiguration
    public let models: ActiveModels
    public let pool: DetectionWorkerPool
    public let metrics: ServiceMetrics
    public let readiness: Readiness
    let logger: Logger

    public init(configuration: ServiceConfiguration, logger: Logger) {
        self.configuration = configuration
        self.models = ActiveModels()
        self.pool = DetectionWorkerPool(workers: configuration.workers, queueDepth: configuration.queueDepth)
        self.metrics = ServiceMetrics()
        self.readiness = Readiness()
        self.logger = logger
    }

    /// A service group running everything; `onBound` gets the listening address as soon as it is known.
    public func makeServiceGroup(
        gracefulShutdownSignals: [UnixSignal] = [],
        onBound: @escaping @Sendable (SocketAddress) async -> Void = { _ in }
    ) -> ServiceGroup {
        let detect = DetectEndpoint(
            models: models,
            pool: pool,
            metrics: metrics,
            pipeline: DetectionPipeline(decoder: JPEGDecoder(maxPixels: configuration.maxPixels)),
            maxBodyBytes: configuration.maxBodyBytes
        )
        let router = ServiceRouter.make(detect: detect, readiness: readiness, metrics: metrics, pool: pool)
        let readiness = self.readiness
        let server = HTTPServer(
            responder: router.buildResponder(),
            configuration: .init(host: configuration.host, port: configuration.port, reusePort: configuration.reusePort,
                                 shutdownDelay: configuration.shutdownDelay),
            logger: logger,
            onBound: onBound,
            onShutdownStarted: { readiness.markDraining() }
        )
        let loader = ModelLoadingService(catalog: configuration.catalog, models: models, readiness: readiness, metrics: metrics, logger: logger)
        var groupConfiguration = ServiceGroupConfiguration(
            services: [.init(service: pool), .init(service: loader), .init(service: server)],
            gracefulShutdownSignals: gracefulShutdownSignals,
            logger: logger
        )
        groupConfiguration.maximumGracefulShutdownDuration = configuration.drainTimeout + configuration.shutdownDelay
        return ServiceGroup(configuration: groupConfiguration)
    }
}
