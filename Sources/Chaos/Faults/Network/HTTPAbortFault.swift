/// Envoy's abort fault: answers `percentage` % of HTTP/1.1 requests with `status` instead of forwarding them.
public struct HTTPAbortFault: DescribedFault {
    public static let name = "http_abort"
    public static let summary = "answer percentage % of HTTP requests with status (fault proxy)"
    public static let requirements: Set<FaultRequirement> = [.proxy]
    public static let parameterHelp = [
        "status (HTTP status, default 503)",
        "percentage (0...100, default 100)",
        "stream (downstream|upstream, default downstream)",
        "toxicity (0...1, default 1)",
    ]
    public var status: Int
    public var percentage: Int
    var settings: ToxicSettings

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: ToxicSettings.keys.union(["status", "percentage"]))
        status = try parameters.integer("status", default: 503, range: 200...599)
        percentage = try parameters.integer("percentage", default: 100, range: 0...100)
        settings = try ToxicSettings(parameters)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        try await settings.inject(
            Self.name, type: "http_abort", attributes: ["status": status, "percentage": percentage], into: environment)
    }
}
