/// The models a service should load and which one answers requests without `?model=`.
///
/// Comes from a JSON file (see `ModelCatalog+File.swift` and the README) or, without one, from `builtIn`.
public struct ModelCatalog: Sendable, Hashable {
    public var defaultModel: String
    public var models: [ModelSpec]

    /// Checks names, versions, parameters and the default; `source` names the file in messages.
    public init(defaultModel: String, models: [ModelSpec], source: String = "model catalog") throws(ModelCatalogError) {
        var seen = Set<String>()
        for model in models {
            if !Self.isValidName(model.name) {
                throw ModelCatalogError(source, "model name '\(model.name)' must be 1-64 characters of a-z, 0-9, '.', '_' or '-'")
            }
            if !seen.insert(model.name).inserted {
                throw ModelCatalogError(source, "model '\(model.name)' is listed twice; names must be unique")
            }
            if model.version < 1 {
                throw ModelCatalogError(source, "model '\(model.name)': version must be >= 1 (got \(model.version))")
            }
            if let problem = model.parameters.validationError {
                throw ModelCatalogError(source, "model '\(model.name)': \(problem)")
            }
        }
        if models.isEmpty {
            throw ModelCatalogError(source, "no models are listed; add at least one under \"models\"")
        }
        if !seen.contains(defaultModel) {
            throw ModelCatalogError(
                source, "default model '\(defaultModel)' is not among the models (\(models.map(\.name).joined(separator: ", ")))")
        }
        self.defaultModel = defaultModel
        self.models = models
    }

    /// Where Debian's `opencv-data` puts the cascades; relative cascade paths resolve against it.
    public static let defaultCascadeRoot = "/usr/share/opencv4"

    /// The catalog used when no file is given: OpenCV's stock face, body and cat cascades, version 1.
    public static let builtIn: ModelCatalog = {
        let root = defaultCascadeRoot
        let models = [
            ModelSpec(name: "face", label: "face", cascadePath: "\(root)/haarcascades/haarcascade_frontalface_default.xml"),
            ModelSpec(name: "face-alt2", label: "face", cascadePath: "\(root)/haarcascades/haarcascade_frontalface_alt2.xml"),
            ModelSpec(name: "face-lbp", label: "face", cascadePath: "\(root)/lbpcascades/lbpcascade_frontalface_improved.xml"),
            ModelSpec(name: "fullbody", label: "person", cascadePath: "\(root)/haarcascades/haarcascade_fullbody.xml"),
            ModelSpec(name: "cat", label: "cat_face", cascadePath: "\(root)/haarcascades/haarcascade_frontalcatface.xml"),
        ]
        // The names and parameters above are valid by construction.
        return try! ModelCatalog(defaultModel: "face", models: models, source: "built-in catalog")
    }()

    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy {
                (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D
            }
    }
}
