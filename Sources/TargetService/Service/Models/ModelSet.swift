/// An immutable set of loaded models plus the default: what one request sees from start to finish,
/// even if a newer set is installed meanwhile.
public struct ModelSet: Sendable {
    public let defaultModel: String
    public let models: [String: LoadedModel]

    public init(defaultModel: String, models: [LoadedModel]) {
        precondition(models.contains { $0.spec.name == defaultModel }, "the default model must be loaded")
        self.defaultModel = defaultModel
        self.models = Dictionary(models.map { ($0.spec.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The model called `name`, or the default one when `name` is nil.
    public func model(named name: String?) -> LoadedModel? {
        models[name ?? defaultModel]
    }

    /// This set with `model` in place of the one with its name, or added when the name is new.
    public func replacing(_ model: LoadedModel) -> ModelSet {
        var all = models
        all[model.spec.name] = model
        return ModelSet(defaultModel: defaultModel, models: Array(all.values))
    }

    /// Parses every cascade of `catalog`; fails on the first one that cannot be loaded.
    public static func load(_ catalog: ModelCatalog) throws(ModelLoadError) -> ModelSet {
        var loaded: [LoadedModel] = []
        for spec in catalog.models {
            do {
                loaded.append(LoadedModel(spec: spec, classifier: try CascadeClassifier.load(contentsOf: spec.cascadePath)))
            } catch {
                throw ModelLoadError(model: spec.name, path: spec.cascadePath, reason: error.description)
            }
        }
        return ModelSet(defaultModel: catalog.defaultModel, models: loaded)
    }
}

/// A model whose cascade could not be loaded, with the loader's reason.
public struct ModelLoadError: Error, Sendable, CustomStringConvertible {
    public let model: String
    public let path: String
    public let reason: String

    public var description: String {
        "cannot load model '\(model)' from \(path): \(reason) (is the opencv-data package installed? is the path in the catalog right?)"
    }
}
