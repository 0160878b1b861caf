import Foundation

extension ModelRegistry {
    /// Registers every catalog model the registry has never seen, at its catalog version, and makes it active.
    /// A name already in the registry is left alone: after the first start the registry, not the catalog, says
    /// which version serves.
    public func seed(from catalog: ModelCatalog) async throws(ModelLoadError) {
        for spec in catalog.models {
            let known: [ModelVersionRecord]
            do {
                known = try await versions(of: spec.name)
            } catch {
                throw ModelLoadError(model: spec.name, path: dataDirectory ?? "memory", reason: error.description)
            }
            if !known.isEmpty { continue }
            guard let bytes = FileManager.default.contents(atPath: spec.cascadePath) else {
                let exists = FileManager.default.fileExists(atPath: spec.cascadePath)
                throw ModelLoadError(
                    model: spec.name, path: spec.cascadePath,
                    reason: exists ? "cannot read the file (check permissions)" : "no such file")
            }
            do {
                if dataDirectory != nil {
                    _ = try await store(
                        name: spec.name, label: spec.label, cascade: [UInt8](bytes), parameters: spec.parameters,
                        version: spec.version)
                } else {
                    _ = try await registerInPlace(spec, sha256: SHA256.hex(bytes))
                }
                try await recordActivation(name: spec.name, version: spec.version)
            } catch {
                throw ModelLoadError(model: spec.name, path: spec.cascadePath, reason: error.description)
            }
        }
    }
}
