/// Toxiproxy's `limit_data`: closes the connection once `bytes` bytes have passed.
public struct LimitDataFault: DescribedFault {
    public static let name = "limit_data"
    public static let summary = "close connections after bytes bytes (fault proxy)"
    public static let requirements: Set<FaultRequirement> = [.proxy]
    public static let parameterHelp = [
        "bytes (required)",
        "stream (downstream|upstream, default downstream)",
        "toxicity (0...1, default 1)",
    ]
    public var bytes: Int
    var settings: ToxicSettings

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: ToxicSettings.keys.union(["bytes"]))
        bytes = try parameters.integer("bytes", range: 0...Int.max)
        settings = try ToxicSettings(parameters)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        try await settings.inject(Self.name, type: "limit_data", attributes: ["bytes": bytes], into: environment)
    }
}
