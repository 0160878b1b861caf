/// Toxiproxy's `timeout`: stops all data and closes the connection after `timeout` ms (0: never closes, data
/// is held until the toxic is removed).
public struct TimeoutFault: DescribedFault {
    public static let name = "timeout"
    public static let summary = "stop all data, close after timeout ms (0: hold until reverted) (fault proxy)"
    public static let requirements: Set<FaultRequirement> = [.proxy]
    public static let parameterHelp = [
        "timeout (ms, default 0 = hold until reverted)",
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
        try await settings.inject(Self.name, type: "timeout", attributes: ["timeout": timeout], into: environment)
    }
}
