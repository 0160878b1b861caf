import Foundation
import GRDB

/// One stored version of a named model: a row of `model_version` in `service.sqlite`.
public struct ModelVersionRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "model_version"

    public var name: String
    public var version: Int
    public var label: String
    /// Relative to the data directory (`models/NAME/VERSION/cascade.xml`), or absolute for a catalog cascade
    /// served without a data directory.
    public var cascadePath: String
    public var cascadeSha256: String
    public var scaleFactor: Double
    public var minNeighbors: Int
    public var minSize: String
    public var maxSize: String
    public var created: Date
    public var state: ModelVersionState
    /// Why the version failed to load, when it did; empty otherwise.
    public var errorMessage: String

    enum CodingKeys: String, CodingKey {
        case name, version, label, created, state
        case cascadePath = "cascade_path"
        case cascadeSha256 = "cascade_sha256"
        case scaleFactor = "scale_factor"
        case minNeighbors = "min_neighbors"
        case minSize = "min_size"
        case maxSize = "max_size"
        case errorMessage = "error_message"
    }

    public init(
        name: String, version: Int, label: String, cascadePath: String, cascadeSha256: String,
        parameters: DetectionParameters, created: Date, state: ModelVersionState, errorMessage: String = ""
    ) {
        self.name = name
        self.version = version
        self.label = label
        self.cascadePath = cascadePath
        self.cascadeSha256 = cascadeSha256
        self.scaleFactor = parameters.scaleFactor
        self.minNeighbors = parameters.minNeighbors
        self.minSize = parameters.minSize.description
        self.maxSize = parameters.maxSize.description
        self.created = created
        self.state = state
        self.errorMessage = errorMessage
    }

    public var parameters: DetectionParameters {
        DetectionParameters(
            scaleFactor: scaleFactor, minNeighbors: minNeighbors,
            minSize: PixelSize(parsing: minSize) ?? .zero, maxSize: PixelSize(parsing: maxSize) ?? .zero)
    }
}
