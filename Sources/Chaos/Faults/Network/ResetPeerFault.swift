/// Toxiproxy's `reset_peer`: resets connections (TCP RST) after `timeout` ms (0: at once).
public struct ResetPeerFault: DescribedFault {
    public static let name = "reset_peer"
    public static let summary = "reset connections with TCP RST after timeout ms (fault proxy)"
    public static let requirements: Set<FaultRequirement> = [.proxy]
    public static let parameterHelp = [
        "timeout (ms, default 0 = at once)",
        "stream (downstream|upstream, default downstream)",
        "toxicity (0...1, default 1)",
    ]
    public var timeout: Int
    var settings: ToxicSettings

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: ToxicSettings.keys.union(["timeout"]))
        timeout = try parameters.integer("timeout", default: 0, range: 0...3_600_000)
        settings = try ToxicSettings(parameters)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        try await settings.inject(Self.name, type: "reset_peer", attributes: ["timeout": timeout], into: environment)
    }
}
