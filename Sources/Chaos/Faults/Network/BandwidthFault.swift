/// Toxiproxy's `bandwidth`: limits throughput to `rate` KB/s.
public struct BandwidthFault: DescribedFault {
    public static let name = "bandwidth"
    public static let summary = "limit throughput to rate KB/s (fault proxy)"
    public static let requirements: Set<FaultRequirement> = [.proxy]
    public static let parameterHelp = [
        "rate (KB/s, required)",
        "stream (downstream|upstream, default downstream)",
        "toxicity (0...1, default 1)",
    ]
    public var rate: Int
    var settings: ToxicSettings

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: ToxicSettings.keys.union(["rate"]))
        rate = try parameters.integer("rate", range: 0...Int(Int32.max))
        settings = try ToxicSettings(parameters)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        try await settings.inject(Self.name, type: "bandwidth", attributes: ["rate": rate], into: environment)
    }
}
