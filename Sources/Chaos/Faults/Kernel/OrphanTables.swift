import Foundation

/// nftables tables a dead loadgen left without a state-file record (killed between creating the table and writing
/// the record, or its state file lost). Our table names carry the owner's pid (`loadgen_chaos_<pid>_<n>`), so a
/// table whose pid no longer exists is certainly orphaned; one whose pid runs is left alone, even if that pid was
/// reused.
public enum OrphanTables {
    /// The orphaned table names; empty when not root or nft is missing (nothing could have been created then).
    public static func find() async -> [String] {
        guard geteuid() == 0, let names = try? await NFTables.tableNames() else { return [] }
        return names.filter { name in
            guard let pid = ownerPID(of: name) else { return false }
            return kill(pid, 0) != 0 && errno == ESRCH
        }
    }

    /// Deletes table `name` (family inet).
    public static func delete(_ name: String) async throws(FaultError) {
        try await NFTables.deleteTable(name, for: "chaos reset")
    }

    /// The pid in `loadgen_chaos_<pid>_<n>`, nil for any other name.
    static func ownerPID(of table: String) -> Int32? {
        let parts = table.split(separator: "_")
        guard parts.count == 4, parts[0] == "loadgen", parts[1] == "chaos", Int(parts[3]) != nil else { return nil }
        return Int32(parts[2])
    }
}
