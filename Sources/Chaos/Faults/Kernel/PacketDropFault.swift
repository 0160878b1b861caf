/// Drops `percentage` % of the packets sent to the target port, with an nftables rule in a table of its own.
public struct PacketDropFault: DescribedFault {
    public static let name = "packet_drop"
    public static let summary = "drop percentage % of packets to the target port (root + nftables)"
    public static let requirements: Set<FaultRequirement> = [.root, .nft]
    public static let parameterHelp = [
        "percentage (1...100, required)",
        "port (default: the target port)",
    ]
    public var percentage: Int
    public var port: Int?

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: ["percentage", "port"])
        percentage = try parameters.integer("percentage", range: 1...100)
        port = parameters.values["port"] == nil ? nil : try parameters.integer("port", range: 1...65535)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        let port = try KernelFaultPort.resolve(port, fault: Self.name, in: environment)
        try NFTables.checkAvailable(for: Self.name)
        let table = NFTables.uniqueTableName()
        // `numgen random mod 100` yields 0...99, so `< 100` is out of its range: 100 % is a plain drop.
        let sample = percentage < 100 ? " numgen random mod 100 < \(percentage)" : ""
        try await NFTables.load(
            """
            table inet \(table) {
                chain input {
                    type filter hook input priority -10; policy accept;
                    tcp dport \(port)\(sample) drop
                }
            }
            """, for: Self.name)
        return KernelFaultPort.undo(table: table, fault: Self.name, port: port, expiresAt: environment.expiresAt)
    }

    public static func revertLeftover(_ record: FaultRecord) async throws(FaultError) {
        try await KernelFaultPort.revertLeftover(record)
    }
}
