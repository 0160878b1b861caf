/// A failed write to the service's data, with the data directory's condition when that is the cause (full or
/// read-only), so endpoints can answer 503 instead of 500.
public struct StorageFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
    public let condition: DataDirectoryCondition?

    public init(_ description: String, condition: DataDirectoryCondition?) {
        self.description = description
        self.condition = condition
    }

    /// 503 with what to do for a full or read-only data directory, 500 otherwise.
    func serviceError(doing operation: String) -> ServiceError {
        condition?.serviceError(doing: operation) ?? ServiceError(.internalServerError, .storageError, description)
    }
}
