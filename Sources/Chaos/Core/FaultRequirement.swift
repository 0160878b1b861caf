/// What a fault needs from the run, so a scenario is checked before it runs and the runner prepares it: the load
/// routed through the fault proxy, replicas loadgen started, root, nftables, or data directories on a tmpfs.
public enum FaultRequirement: String, Sendable, Hashable, CaseIterable {
    case proxy
    case bundledReplicas = "bundled"
    case root
    case nft
    case tmpfsDataDirectory = "tmpfs"
}
