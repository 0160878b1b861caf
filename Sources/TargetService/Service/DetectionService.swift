import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// The bundled detection service: HTTP server, worker pool, model registry and loading, run as one ServiceGroup.
///
/// Shutdown order (the group stops services in reverse): the HTTP server first (readiness 503, stop accepting,
/// drain in-flight requests), then the model loader, then the worker pool.
public struct DetectionService: Sendable {
    public let configuration: ServiceConfiguration
    public let models: ActiveModels
    public let pool: DetectionWorkerPool
    public let metrics: ServiceMetrics
    public let readiness: Readiness
    public let registry: ModelRegistry
    public let rollouts: ModelRollouts
    public let detectionLog: DetectionLog
    public let feedback: FeedbackStore
    let logger: Logger

    /// Opens the model registry (in `configuration.dataDirectory`, or in memory); fails when it cannot.
    public init(configuration: ServiceConfiguration, logger: Logger) throws(RegistryError) {
        self.configuration = configuration
        self.models = ActiveModels()
        self.registry = try ModelRegistry(dataDirectory: configuration.dataDirectory)
        self.pool = DetectionWorkerPool(
            workers: configuration.workers, queueDepth: configuration.queueDepth,
            overloadQueueDepth: configuration.effectiveOverloadQueueDepth)
        self.metrics = ServiceMetrics()
        self.readiness = Readiness()
        self.rollouts = ModelRollouts(registry: registry, models: models, metrics: metrics, logger: logger)
        self.detectionLog = DetectionLog(database: registry.database, metrics: metrics)
        self.feedback = FeedbackStore(database: registry.database)
        self.logger = logger
    }

    /// The log line (stderr) that announces the control listener, followed by its URL.
    public static let controlLogPrefix = "control listener on "

    /// A service group running everything; `onBound` gets the listening address as soon as it is known.
    public func makeServiceGroup(
        gracefulShutdownSignals: [UnixSignal] = [],
        onBound: @escaping @Sendable (SocketAddress) async -> Void = { _ in }
    ) -> ServiceGroup {
        let pipeline = DetectionPipeline(decoder: JPEGDecoder(maxPixels: configuration.maxPixels))
        let detect = DetectEndpoint(
            models: models,
            pool: pool,
            metrics: metrics,
            pipeline: pipeline,
            maxBodyBytes: configuration.maxBodyBytes,
            detectionLog: detectionLog,
            shedPacing: configuration.shedPacing
        )
        let modelsEndpoint = ModelsEndpoint(registry: registry, defaultModel: configuration.catalog.defaultModel)
        let admin = AdminEndpoint(
            rollouts: rollouts, registry: registry, models: modelsEndpoint, maxCascadeBytes: configuration.maxCascadeBytes)
        let router = ServiceRouter.make(
            detect: detect, models: modelsEndpoint, admin: admin,
            feedback: FeedbackEndpoint(store: feedback, adminToken: configuration.adminToken),
            adminToken: configuration.adminToken,
            readiness: readiness, metrics: metrics, pool: pool,
            web: WebPages(
                models: models, pool: pool, metrics: metrics, pipeline: pipeline, maxBodyBytes: configuration.maxBodyBytes,
                feedback: feedback)
        )
        let readiness = self.readiness
        let server = HTTPServer(
            responder: router.buildResponder(),
            configuration: .init(
                host: configuration.host, port: configuration.port, reusePort: configuration.reusePort,
                shutdownDelay: configuration.shutdownDelay),
            logger: logger,
            onBound: onBound,
            onShutdownStarted: { readiness.markDraining() },
            // A replica joining a shared port would get connections (answered 503) while its models load; like a
            // pod behind a readiness gate, it joins once it can serve. Its control listener is there meanwhile.
            beforeBinding: { [reusePort = configuration.reusePort] in
                guard reusePort else { return true }
                await readiness.waitUntilLoaded()
                return readiness.current == .ready
            }
        )
        let loader = ModelLoadingService(
            catalog: configuration.catalog, registry: registry, models: models, readiness: readiness, metrics: metrics,
            logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: pool), .init(service: loader),
            .init(
                service: DetectionLogWriter(log: detectionLog, interval: configuration.detectionLogFlushInterval, logger: logger)),
            .init(
                service: RetentionPurger(
                    retention: configuration.retention, every: .seconds(60), feedback: feedback,
                    detections: detectionLog, logger: logger)),
        ]
        if let schedule = configuration.backupSchedule, let data = configuration.dataDirectory {
            services.append(
                .init(
                    service: BackupScheduler(
                        dataDirectory: data, backupDirectory: schedule.directory,
                        interval: schedule.interval, keep: schedule.keep, logger: logger)))
        }
        services.append(.init(service: server))
        if let controlPort = configuration.controlPort {
            // Never SO_REUSEPORT: this address must reach this process only. Readiness is the main listener's.
            let logger = self.logger
            services.append(
                .init(
                    service: HTTPServer(
                        responder: router.buildResponder(),
                        configuration: .init(
                            host: "127.0.0.1", port: controlPort, reusePort: false, shutdownDelay: configuration.shutdownDelay),
                        logger: logger,
                        onBound: { address in
                            logger.info("\(Self.controlLogPrefix)http://127.0.0.1:\(address.port ?? 0)")
                        }
                    )))
        }
        var groupConfiguration = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: gracefulShutdownSignals,
            logger: logger
        )
        groupConfiguration.maximumGracefulShutdownDuration = configuration.drainTimeout + configuration.shutdownDelay
        return ServiceGroup(configuration: groupConfiguration)
    }
}
