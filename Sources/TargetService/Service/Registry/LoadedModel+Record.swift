import Foundation

extension LoadedModel {
    /// Reads, checks (sha256 against the registry), parses and warms `record`'s cascade on a background thread, so
    /// neither startup nor an activation ever parses on an event loop.
    static func load(_ record: ModelVersionRecord, in registry: ModelRegistry) async throws(ModelLoadError) -> LoadedModel {
        let path = registry.resolvedPath(record)
        let result = await Task.detached { () -> Result<LoadedModel, ModelLoadError> in
            Result { () throws(ModelLoadError) -> LoadedModel in
                guard let bytes = FileManager.default.contents(atPath: path) else {
                    let exists = FileManager.default.fileExists(atPath: path)
                    throw ModelLoadError(
                        model: record.name, path: path,
                        reason: exists ? "cannot read the file (check permissions)" : "no such file")
                }
                let sha = SHA256.hex(bytes)
                guard sha == record.cascadeSha256 else {
                    throw ModelLoadError(
                        model: record.name, path: path,
                        reason: """
                            the file changed since version \(record.version) was stored (sha256 \(sha), registry says \
                            \(record.cascadeSha256)); restore it from a backup or upload the model again
                            """)
                }
                let classifier: CascadeClassifier
                do {
                    classifier = try CascadeClassifier(xml: [UInt8](bytes), source: path)
                } catch {
                    throw ModelLoadError(model: record.name, path: path, reason: "\(error)")
                }
                _ = classifier.detect(in: ProbeImage.image, parameters: record.parameters)
                let spec = ModelSpec(
                    name: record.name, label: record.label, version: record.version, cascadePath: path,
                    parameters: record.parameters)
                return LoadedModel(spec: spec, classifier: classifier)
            }
        }.value
        return try result.get()
    }
}
