/// The TCP port a kernel fault matches: its own `port` parameter, else the port the run sends load to.
enum KernelFaultPort {
    static func resolve(_ port: Int?, fault: String, in environment: FaultEnvironment) throws(FaultError) -> Int {
        if let port = port ?? environment.targetPort { return port }
        throw FaultError(.invalidParameter, "'\(fault)' needs a port: the run has no target port, so add 'port: N' to the fault")
    }

    /// Undo and record for the table `name`: revert deletes it, and so does `chaos reset` from the record.
    static func undo(table name: String, fault: String, port: Int, expiresAt: Double) -> FaultUndo {
        FaultUndo(record: FaultRecord(fault: fault, values: ["table": name, "port": "\(port)"], expiresAt: expiresAt)) {
            () throws(FaultError) in
            try await NFTables.deleteTable(name, for: fault)
        }
    }

    /// Deletes the table a dead run left, named in its record. Only our own tables are touched.
    static func revertLeftover(_ record: FaultRecord) async throws(FaultError) {
        guard let table = record.values["table"], table.hasPrefix("loadgen_chaos_") else { return }
        try await NFTables.deleteTable(table, for: record.fault)
    }
}
