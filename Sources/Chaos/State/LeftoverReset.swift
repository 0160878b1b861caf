import Foundation

/// `loadgen chaos reset`: reverts what the state file lists, newest first (a filler is deleted before its tmpfs
/// is unmounted), and removes what it reverted. Entries whose owner still runs are that run's to revert and are
/// left alone unless `force`. Then it deletes nftables tables of ours whose owner is gone but that no entry named
/// (`OrphanTables`).
public enum LeftoverReset {
    /// What happened to one entry.
    public struct Outcome: Sendable, Equatable {
        public enum Result: String, Sendable {
            case reverted
            case skippedOwnerAlive = "skipped_owner_alive"
            case failed
        }

        public var entry: ChaosStateEntry
        public var result: Result
        public var detail: String
    }

    /// - Parameter sweepOrphanTables: also delete our nftables tables whose owner is gone (on for `chaos reset`).
    public static func run(
        _ stateFile: ChaosStateFile, force: Bool = false, sweepOrphanTables: Bool = true
    ) async throws(FaultError) -> [Outcome] {
        var outcomes: [Outcome] = []
        for entry in try stateFile.entries().reversed() {
            if entry.ownerIsAlive && !force {
                outcomes.append(
                    Outcome(
                        entry: entry, result: .skippedOwnerAlive,
                        detail: """
                            process \(entry.ownerPID) that injected it is still running and will revert it; use --force to revert it anyway
                            """))
                continue
            }
            do {
                try await revert(entry.record)
                try stateFile.remove(entry: entry.id)
                outcomes.append(Outcome(entry: entry, result: .reverted, detail: describe(entry.record)))
            } catch {
                outcomes.append(Outcome(entry: entry, result: .failed, detail: error.message))
            }
        }
        for table in sweepOrphanTables ? await OrphanTables.find() : [] {
            let record = FaultRecord(fault: "nftables_table", values: ["table": table], expiresAt: 0)
            let entry = ChaosStateEntry(
                id: table, ownerPID: OrphanTables.ownerPID(of: table) ?? 0, ownerStartTime: nil, injectedAt: 0, record: record)
            do {
                try await OrphanTables.delete(table)
                outcomes.append(Outcome(entry: entry, result: .reverted, detail: "\(describe(record)), not in the state file"))
            } catch {
                outcomes.append(Outcome(entry: entry, result: .failed, detail: error.message))
            }
        }
        return outcomes
    }

    /// Dispatches on the record's fault name.
    public static func revert(_ record: FaultRecord) async throws(FaultError) {
        if record.fault == DataDirectoryMount.recordName {
            try DataDirectoryMount.revertLeftover(record)
            return
        }
        guard let kind = FaultCatalog.kind(named: record.fault) else {
            throw FaultError(
                .failed,
                "unknown fault '\(record.fault)' in the state file (written by another loadgen version?); revert it by hand")
        }
        try await kind.revertLeftover(record)
    }

    /// `freeze (processes=123:456)`, for printing.
    public static func describe(_ record: FaultRecord) -> String {
        let values = record.values.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.replacingOccurrences(of: "\n", with: ","))"
        }
        return values.isEmpty ? record.fault : "\(record.fault) (\(values.joined(separator: ", ")))"
    }
}
