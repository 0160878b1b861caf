import Foundation

extension ModelCatalog {
    /// Reads a catalog file:
    ///
    /// ```json
    /// { "default": "face",
    ///   "cascade_root": "/usr/share/opencv4",
    ///   "models": [ { "name": "face", "label": "face", "version": 1,
    ///                 "cascade": "haarcascades/haarcascade_frontalface_default.xml",
    ///                 "parameters": { "scale_factor": 1.1, "min_neighbors": 3, "min_size": "0x0", "max_size": "0x0" } } ] }
    /// ```
    /// Only `models[].name` and `models[].cascade` are required; `default` is the first model, `label` the name,
    /// `version` 1, parameters OpenCV's defaults. Relative `cascade` paths resolve against `cascade_root`.
    public static func load(contentsOf path: String) throws(ModelCatalogError) -> ModelCatalog {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ModelCatalogError(path, "cannot read the file (\(error.localizedDescription)); check --models")
        }
        return try parse(data, source: path)
    }

    /// Parses catalog JSON; `source` names the file in error messages.
    public static func parse(_ data: Data, source: String) throws(ModelCatalogError) -> ModelCatalog {
        let file: CatalogFile
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            file = try decoder.decode(CatalogFile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ModelCatalogError(source, "missing \"\(key.stringValue)\" at \(Self.keyPath(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ModelCatalogError(source, "\(context.debugDescription) at \(Self.keyPath(context.codingPath))")
        } catch let DecodingError.dataCorrupted(context) {
            throw ModelCatalogError(source, "\(context.debugDescription) at \(Self.keyPath(context.codingPath))")
        } catch {
            throw ModelCatalogError(source, "not valid catalog JSON: \(error)")
        }
        let root = file.cascadeRoot ?? defaultCascadeRoot
        var specs: [ModelSpec] = []
        for entry in file.models {
            var parameters = DetectionParameters()
            if let p = entry.parameters {
                parameters.scaleFactor = p.scaleFactor ?? parameters.scaleFactor
                parameters.minNeighbors = p.minNeighbors ?? parameters.minNeighbors
                parameters.minSize = try size(p.minSize, field: "min_size", model: entry.name, source: source) ?? .zero
                parameters.maxSize = try size(p.maxSize, field: "max_size", model: entry.name, source: source) ?? .zero
            }
            let path = entry.cascade.hasPrefix("/") ? entry.cascade : "\(root)/\(entry.cascade)"
            specs.append(
                ModelSpec(
                    name: entry.name, label: entry.label ?? entry.name, version: entry.version ?? 1, cascadePath: path,
                    parameters: parameters))
        }
        return try ModelCatalog(defaultModel: file.default ?? specs.first?.name ?? "", models: specs, source: source)
    }

    private static func size(
        _ text: String?, field: String, model: String, source: String
    ) throws(ModelCatalogError) -> PixelSize? {
        guard let text else { return nil }
        guard let size = PixelSize(parsing: text) else {
            throw ModelCatalogError(source, "model '\(model)': \(field) must look like \"30x30\" (got \"\(text)\")")
        }
        return size
    }

    private static func keyPath(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

/// The file's shape, decoded with snake_case keys.
private struct CatalogFile: Decodable {
    struct Entry: Decodable {
        var name: String
        var cascade: String
        var label: String?
        var version: Int?
        var parameters: Parameters?
    }

    struct Parameters: Decodable {
        var scaleFactor: Double?
        var minNeighbors: Int?
        var minSize: String?
        var maxSize: String?
    }

    var `default`: String?
    var cascadeRoot: String?
    var models: [Entry]
}
