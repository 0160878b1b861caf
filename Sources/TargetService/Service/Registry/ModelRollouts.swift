import Foundation
import Logging

/// Changes which model versions serve: stores validated uploads, activates a version (load and warm off the
/// request path, then one atomic swap) and rolls back. Requests capture their model when they start, so those in
/// flight finish on the version they began with. One change per model at a time; a second one meanwhile is
/// refused with `.busy` rather than queued, so an operator never waits on a hidden queue.
public actor ModelRollouts {
    let registry: ModelRegistry
    let models: ActiveModels
    let metrics: ServiceMetrics
    let logger: Logger
    private var changing: Set<String> = []

    public init(registry: ModelRegistry, models: ActiveModels, metrics: ServiceMetrics, logger: Logger) {
        self.registry = registry
        self.models = models
        self.metrics = metrics
        self.logger = logger
    }

    /// Parses `cascade`, runs it on the probe image and, if both work, stores it as the next version of `name`
    /// (state START, not serving until activated). `label` defaults to the model's latest label, else its name.
    public func upload(
        name: String, cascade: [UInt8], parameters: DetectionParameters, label: String?
    ) async throws(ModelRolloutError) -> ModelVersionRecord {
        guard ModelCatalog.isValidName(name) else {
            throw ModelRolloutError(.invalidModel, "model name '\(name)' must be 1-64 characters of a-z, 0-9, '.', '_' or '-'")
        }
        if let problem = parameters.validationError {
            throw ModelRolloutError(.invalidModel, "invalid detection parameters: \(problem)")
        }
        guard registry.dataDirectory != nil else {
            throw ModelRolloutError(
                .noDataDirectory, "this service has no data directory to store versions in; start serve with --data DIR")
        }
        try begin(name)
        defer { end(name) }
        // Parsing and the probe run are CPU work: off the event loops and off this actor.
        let problem = await Task.detached { () -> String? in
            do {
                let classifier = try CascadeClassifier(xml: cascade, source: "uploaded cascade")
                _ = classifier.detect(in: ProbeImage.image, parameters: parameters)
                return nil
            } catch {
                return "\(error)"
            }
        }.value
        if let problem {
            throw ModelRolloutError(.invalidModel, "the cascade was refused: \(problem)")
        }
        let existing = try await storage { () async throws(RegistryError) in try await self.registry.versions(of: name) }
        let record = try await storage { () async throws(RegistryError) in
            try await self.registry.store(
                name: name, label: label ?? existing.last?.label ?? name, cascade: cascade, parameters: parameters)
        }
        logger.info(
            "model version stored",
            metadata: ["model": "\(name)", "version": "\(record.version)", "sha256": "\(record.cascadeSha256)"])
        return record
    }

    /// Loads and warms `version` of `name`, then swaps it in atomically. Activating the active version is a no-op.
    public func activate(name: String, version: Int) async throws(ModelRolloutError) -> ModelVersionRecord {
        try begin(name)
        defer { end(name) }
        return try await switchTo(name: name, version: version)
    }

    /// Switches `name` back to the version that was active before the current one.
    public func rollback(name: String) async throws(ModelRolloutError) -> ModelVersionRecord {
        try begin(name)
        defer { end(name) }
        let history = try await storage { () async throws(RegistryError) in try await self.registry.activationHistory(of: name) }
        guard let current = history.last else {
            throw ModelRolloutError(.unknownModel, "no model named '\(name)' has ever been active; see GET /v1/models")
        }
        guard let previous = history.last(where: { $0 != current }) else {
            throw ModelRolloutError(
                .noPreviousVersion, "model '\(name)' has only ever served version \(current); there is nothing to roll back to")
        }
        return try await switchTo(name: name, version: previous)
    }

    private func switchTo(name: String, version: Int) async throws(ModelRolloutError) -> ModelVersionRecord {
        let versions = try await storage { () async throws(RegistryError) in try await self.registry.versions(of: name) }
        if versions.isEmpty {
            throw ModelRolloutError(
                .unknownModel, "no model named '\(name)'; upload one with POST /admin/models/\(name)/versions")
        }
        guard var record = versions.first(where: { $0.version == version }) else {
            throw ModelRolloutError(
                .unknownVersion,
                "model '\(name)' has no version \(version) (it has \(versions.map { String($0.version) }.joined(separator: ", ")))"
            )
        }
        if models.current?.models[name]?.spec.version == version {
            return record
        }
        try await storage { () async throws(RegistryError) in
            try await self.registry.setState(.loading, name: name, version: version)
        }
        let loaded: LoadedModel
        do {
            loaded = try await LoadedModel.load(record, in: registry)
        } catch {
            try? await registry.setState(.end, name: name, version: version, error: error.reason)
            throw ModelRolloutError(.loadFailed, error.description)
        }
        let previous = models.replace(loaded)
        if let current = models.current { metrics.recordModels(current) }
        try await storage { () async throws(RegistryError) in
            if let previous { try await self.registry.setState(.unloading, name: name, version: previous.spec.version) }
            try await self.registry.setState(.available, name: name, version: version)
            try await self.registry.recordActivation(name: name, version: version)
            // The old classifier is freed when the last request holding it finishes.
            if let previous { try await self.registry.setState(.end, name: name, version: previous.spec.version) }
        }
        logger.info(
            "model version activated",
            metadata: [
                "model": "\(name)", "version": "\(version)", "previous": "\(previous.map { String($0.spec.version) } ?? "none")",
            ])
        record.state = .available
        record.errorMessage = ""
        return record
    }

    private func begin(_ name: String) throws(ModelRolloutError) {
        guard changing.insert(name).inserted else {
            throw ModelRolloutError(.busy, "another change to model '\(name)' is in progress; retry when it has finished")
        }
    }

    private func end(_ name: String) {
        changing.remove(name)
    }

    private func storage<T: Sendable>(_ body: () async throws(RegistryError) -> T) async throws(ModelRolloutError) -> T {
        do {
            return try await body()
        } catch {
            throw ModelRolloutError(.storage, error.description)
        }
    }
}
