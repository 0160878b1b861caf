import Logging
import ServiceLifecycle

/// Loads the models after the server is listening (so `/readyz` can say 503 meanwhile): registers catalog models
/// the registry has never seen, loads every model's active version, installs them and marks the service ready.
/// A cascade that cannot be loaded fails the whole service group: better no replica than one that can never serve.
struct ModelLoadingService: Service {
    let catalog: ModelCatalog
    let registry: ModelRegistry
    let models: ActiveModels
    let readiness: Readiness
    let metrics: ServiceMetrics
    let logger: Logger

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        try await registry.seed(from: catalog)
        try await registry.resetLoadStates()
        let active = try await registry.activeVersions()
        let records = try await registry.allVersions()
        var loaded: [LoadedModel] = []
        for (name, version) in active.sorted(by: { $0.key < $1.key }) {
            guard let record = records.first(where: { $0.name == name && $0.version == version }) else { continue }
            try await registry.setState(.loading, name: name, version: version)
            do {
                loaded.append(try await LoadedModel.load(record, in: registry))
            } catch {
                try? await registry.setState(.end, name: name, version: version, error: error.reason)
                throw error
            }
            try await registry.setState(.available, name: name, version: version)
        }
        let set = ModelSet(defaultModel: catalog.defaultModel, models: loaded)
        models.install(set)
        metrics.recordModels(set)
        readiness.markReady()
        // The load generator waits for this exact message; keep it.
        logger.info(
            "models loaded",
            metadata: [
                "models": "\(loaded.map { "\($0.spec.name)@\($0.spec.version)" }.joined(separator: ","))",
                "default": "\(catalog.defaultModel)",
                "ms": "\(Int((clock.now - start).milliseconds))",
            ])
        try? await gracefulShutdown()
    }
}
