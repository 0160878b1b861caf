/// Envoy's delay fault: holds `percentage` % of HTTP/1.1 requests for `delay` ms before forwarding them.
public struct HTTPDelayFault: DescribedFault {
    public static let name = "http_delay"
    public static let summary = "delay percentage % of HTTP requests by delay ms (fault proxy)"
    public static let requirements: Set<FaultRequirement> = [.proxy]
    public static let parameterHelp = [
        "delay (ms, required)",
        "percentage (0...100, default 100)",
        "stream (downstream|upstream, default downstream)",
        "toxicity (0...1, default 1)",
    ]
    public var delay: Int
    public var percentage: Int
    var settings: ToxicSettings

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: ToxicSettings.keys.union(["delay", "percentage"]))
        delay = try parameters.integer("delay", range: 0...3_600_000)
        percentage = try parameters.integer("percentage", default: 100, range: 0...100)
        settings = try ToxicSettings(parameters)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        try await settings.inject(
            Self.name, type: "http_delay", attributes: ["delay": delay, "percentage": percentage], into: environment)
    }
}
