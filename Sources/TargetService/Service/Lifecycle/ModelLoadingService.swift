import Logging
import ServiceLifecycle

/// Loads the model catalog after the server is listening (so `/readyz` can say 503 meanwhile), installs it and
/// marks the service ready. A cascade that cannot be loaded fails the whole service group: better no replica
/// than one that can never serve.
struct ModelLoadingService: Service {
    let catalog: ModelCatalog
    let models: ActiveModels
    let readiness: Readiness
    let metrics: ServiceMetrics
    let logger: Logger

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let catalog = self.catalog
        // Parsing cascades is CPU work; keep it off the event loops.
        let set = try await Task.detached { () throws(ModelLoadError) -> ModelSet in try ModelSet.load(catalog) }.value
        models.install(set)
        metrics.recordModels(set)
        readiness.markReady()
        logger.info("models loaded", metadata: [
            "models": "\(catalog.models.map(\.name).joined(separator: ","))",
            "default": "\(catalog.defaultModel)",
            "ms": "\(Int((clock.now - start).milliseconds))",
        ])
        try? await gracefulShutdown()
    }
}
