/// Why an upload, activation or rollback was refused, with a message that says what to do.
public struct ModelRolloutError: Error, Sendable, CustomStringConvertible {
    /// The fixed set of reasons, mapped to HTTP statuses by the admin API.
    public enum Kind: String, Sendable {
        case unknownModel = "unknown_model"
        case unknownVersion = "unknown_version"
        case invalidModel = "invalid_model"
        case noPreviousVersion = "no_previous_version"
        case busy = "model_busy"
        case noDataDirectory = "no_data_directory"
        case loadFailed = "model_load_failed"
        case storage = "storage_error"
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
