/// Answers new TCP connections to the target port with a reset, with an nftables rule in a table of its own.
/// Connections already open keep working.
public struct ConnectionResetFault: DescribedFault {
    public static let name = "connection_reset"
    public static let summary = "answer new connections to the target port with a TCP reset (root + nftables)"
    public static let requirements: Set<FaultRequirement> = [.root, .nft]
    public static let parameterHelp = [
        "port (default: the target port)"
    ]
    public var port: Int?

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: ["port"])
        port = parameters.values["port"] == nil ? nil : try parameters.integer("port", range: 1...65535)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        let port = try KernelFaultPort.resolve(port, fault: Self.name, in: environment)
        try NFTables.checkAvailable(for: Self.name)
        let table = NFTables.uniqueTableName()
        // A SYN without ACK is a new connection; matching flags needs no conntrack module.
        try await NFTables.load(
            """
            table inet \(table) {
                chain input {
                    type filter hook input priority -10; policy accept;
                    tcp dport \(port) tcp flags & (fin|syn|rst|ack) == syn reject with tcp reset
                }
            }
            """, for: Self.name)
        return KernelFaultPort.undo(table: table, fault: Self.name, port: port, expiresAt: environment.expiresAt)
    }

    public static func revertLeftover(_ record: FaultRecord) async throws(FaultError) {
        try await KernelFaultPort.revertLeftover(record)
    }
}
