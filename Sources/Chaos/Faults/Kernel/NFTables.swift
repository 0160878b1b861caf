import Foundation
import Subprocess
import Synchronization

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs `nft` for the kernel faults. Each fault owns one table (`inet loadgen_chaos_<pid>_<n>`), so reverting is
/// deleting that table and never touches rules anyone else wrote.
enum NFTables {
    private static let counter = Atomic<Int>(0)

    /// A table name unique to this process and injection.
    static func uniqueTableName() -> String {
        "loadgen_chaos_\(getpid())_\(counter.add(1, ordering: .relaxed).newValue)"
    }

    /// Throws `unsupported` saying why kernel faults cannot run here (not root, no nft).
    static func checkAvailable(for fault: String) throws(FaultError) {
        if geteuid() != 0 {
            throw FaultError(
                .unsupported,
                """
                '\(fault)' needs root to add nftables rules, and loadgen runs as uid \(geteuid()). \
                Run as root, or use the fault proxy's faults (reset_peer, timeout) instead.
                """)
        }
        if executablePath() == nil {
            throw FaultError(
                .unsupported,
                """
                '\(fault)' needs the nft command (nftables), which is not on PATH. Install it ('make setup' or \
                'apt-get install nftables').
                """)
        }
    }

    /// Loads `ruleset` (nft syntax) atomically with `nft -f -`.
    static func load(_ ruleset: String, for fault: String) async throws(FaultError) {
        try await run(["-f", "-"], input: ruleset, for: fault)
    }

    /// Deletes table `name` of family inet; a table that is already gone is not an error — also when another
    /// process (a concurrent `chaos reset` finding the same orphan) deletes it between the check and the delete.
    static func deleteTable(_ name: String, for fault: String) async throws(FaultError) {
        guard try await tableNames().contains(name) else { return }
        do {
            try await run(["delete", "table", "inet", name], input: nil, for: fault)
        } catch {
            if try await !tableNames().contains(name) { return }
            throw error
        }
    }

    /// The names of every inet table (`nft list tables`).
    static func tableNames() async throws(FaultError) -> [String] {
        let output = try await run(["list", "tables"], input: nil, for: "nft")
        return output.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            return words.count == 3 && words[0] == "table" && words[1] == "inet" ? String(words[2]) : nil
        }
    }

    @discardableResult
    private static func run(_ arguments: [String], input: String?, for fault: String) async throws(FaultError) -> String {
        guard let nft = executablePath() else {
            throw FaultError(.unsupported, "'\(fault)' needs the nft command, which is not on PATH")
        }
        let command = "nft \(arguments.joined(separator: " "))"
        do {
            let result =
                if let input {
                    try await Subprocess.run(
                        .path(FilePath(nft)), arguments: Arguments(arguments), input: .string(input),
                        output: .string(limit: 1 << 20), error: .string(limit: 1 << 16))
                } else {
                    try await Subprocess.run(
                        .path(FilePath(nft)), arguments: Arguments(arguments), input: .none,
                        output: .string(limit: 1 << 20), error: .string(limit: 1 << 16))
                }
            guard case .exited(0) = result.terminationStatus else {
                let reason = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
                throw FaultError(.unsupported, "'\(fault)': '\(command)' failed (\(result.terminationStatus)): \(reason)")
            }
            return result.standardOutput
        } catch let error as FaultError {
            throw error
        } catch {
            throw FaultError(.unsupported, "'\(fault)': cannot run '\(command)': \(error)")
        }
    }

    private static func executablePath() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
        return directories.map { "\($0)/nft" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
