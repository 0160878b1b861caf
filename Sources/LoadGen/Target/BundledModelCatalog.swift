import Foundation

/// The models the bundled `targetservice` knows without a catalog file, and the one-model catalog loadgen writes
/// into each replica's data dir so a replica loads only the model the scenario names (start-up stays fast).
///
/// Mirrors `ModelCatalog.builtIn` in the TargetService module (LoadGen does not link the service); the names
/// and cascades are listed in docs/service.md.
enum BundledModelCatalog {
    struct Model: Sendable, Equatable {
        let name: String
        let label: String
        /// Relative to the service's cascade root (Debian's opencv-data).
        let cascade: String
    }

    static let models: [Model] = [
        Model(name: "face", label: "face", cascade: "haarcascades/haarcascade_frontalface_default.xml"),
        Model(name: "face-alt2", label: "face", cascade: "haarcascades/haarcascade_frontalface_alt2.xml"),
        Model(name: "face-lbp", label: "face", cascade: "lbpcascades/lbpcascade_frontalface_improved.xml"),
        Model(name: "fullbody", label: "person", cascade: "haarcascades/haarcascade_fullbody.xml"),
        Model(name: "cat", label: "cat_face", cascade: "haarcascades/haarcascade_frontalcatface.xml"),
    ]

    static var names: [String] { models.map(\.name) }

    /// `models.json` serving only `name` as the default model; throws when the service does not know it.
    static func catalogJSON(forModel name: String) throws(BundledTargetError) -> Data {
        guard let model = models.first(where: { $0.name == name }) else {
            throw BundledTargetError(
                .unknownModel,
                """
                unknown bundled model '\(name)': the bundled targetservice knows \(names.joined(separator: ", ")). \
                Set target.bundled.model to one of them, or leave it out to load them all.
                """)
        }
        let catalog: [String: Any] = [
            "default": model.name,
            "models": [["name": model.name, "label": model.label, "version": 1, "cascade": model.cascade]],
        ]
        // Only strings and integers go in, so serialisation cannot fail.
        return try! JSONSerialization.data(withJSONObject: catalog, options: [.prettyPrinted, .sortedKeys])
    }
}
