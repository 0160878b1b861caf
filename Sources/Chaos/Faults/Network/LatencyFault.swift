/// Toxiproxy's `latency`: delays data by `latency` ms ± `jitter` ms.
public struct LatencyFault: DescribedFault {
    public static let name = "latency"
    public static let summary = "delay data by latency ms ± jitter ms (fault proxy)"
    public static let requirements: Set<FaultRequirement> = [.proxy]
    public static let parameterHelp = [
        "latency (ms, required)",
        "jitter (ms, default 0)",
        "stream (downstream|upstream, default downstream)",
        "toxicity (0...1, default 1)",
    ]
    public var latency: Int
    public var jitter: Int
    var settings: ToxicSettings

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: ToxicSettings.keys.union(["latency", "jitter"]))
        latency = try parameters.integer("latency", range: 0...3_600_000)
        jitter = try parameters.integer("jitter", default: 0, range: 0...3_600_000)
        settings = try ToxicSettings(parameters)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        try await settings.inject(
            Self.name, type: "latency", attributes: ["latency": latency, "jitter": jitter], into: environment)
    }
}
