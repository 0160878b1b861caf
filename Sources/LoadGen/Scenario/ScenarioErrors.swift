/// Every problem found in a scenario file, so one edit-and-retry cycle can fix them all.
public struct ScenarioErrors: Error, CustomStringConvertible, Sendable {
    /// Sorted by line, then column; problems at the same position keep the order they were found in.
    public let errors: [ScenarioError]

    public init(_ errors: [ScenarioError]) {
        self.errors = errors.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }

    /// One problem per line, in file order.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
