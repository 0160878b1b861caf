/// Toxiproxy's `enabled: false`: the proxy closes every connection and refuses new ones until reverted.
public struct ProxyDownFault: DescribedFault {
    public static let name = "proxy_down"
    public static let summary = "take the fault proxy down: close connections, refuse new ones (fault proxy)"
    public static let requirements: Set<FaultRequirement> = [.proxy]
    public static let parameterHelp = [
        "stream (downstream|upstream, default downstream)",
        "toxicity (0...1, default 1)",
    ]

    public init(parameters: FaultParameters) throws(FaultError) {
        // stream and toxicity are accepted for symmetry with the other network faults; a down proxy is all-or-nothing.
        try parameters.rejectUnknown(allowing: ToxicSettings.keys)
        _ = try ToxicSettings(parameters)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        guard let proxy = environment.proxy else { throw ToxicSettings.needsProxy(Self.name) }
        await proxy.setEnabled(false)
        return FaultUndo(record: FaultRecord(fault: Self.name, expiresAt: environment.expiresAt)) { await proxy.setEnabled(true) }
    }
}
