/// Toxiproxy's `slow_close`: delays closing the connection by `delay` ms after the other side closed.
public struct SlowCloseFault: DescribedFault {
    public static let name = "slow_close"
    public static let summary = "delay the TCP close by delay ms (fault proxy)"
    public static let requirements: Set<FaultRequirement> = [.proxy]
    public static let parameterHelp = [
        "delay (ms, required)",
        "stream (downstream|upstream, default downstream)",
        "toxicity (0...1, default 1)",
    ]
    public var delay: Int
    var settings: ToxicSettings

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: ToxicSettings.keys.union(["delay"]))
        delay = try parameters.integer("delay", range: 0...3_600_000)
        settings = try ToxicSettings(parameters)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        try await settings.inject(Self.name, type: "slow_close", attributes: ["delay": delay], into: environment)
    }
}
