/// Every fault kind by its scenario name. Adding a fault: write its file under `Faults/`, add its type here, and
/// list it in docs/faults.md.
public enum FaultCatalog {
    public static let all: [any Fault.Type] = [
        // Network: toxics in the fault proxy.
        LatencyFault.self, BandwidthFault.self, SlowCloseFault.self, TimeoutFault.self, ResetPeerFault.self,
        SlicerFault.self, LimitDataFault.self, HTTPAbortFault.self, HTTPDelayFault.self, ProxyDownFault.self,
        // Server: the bundled replicas' processes.
        KillFault.self, FreezeFault.self, RestartFault.self,
        // Disk: the bundled replicas' data directories.
        DiskFullFault.self, DiskReadOnlyFault.self,
        // Kernel: nftables rules on the target port.
        PacketDropFault.self, ConnectionResetFault.self,
    ]

    /// The kind named `name`, or nil.
    public static func kind(named name: String) -> (any Fault.Type)? {
        all.first { $0.name == name }
    }

    /// Every name, sorted, for error messages (`unknown fault 'latncy'; expected one of ...`).
    public static var names: [String] { all.map { $0.name }.sorted() }
}
