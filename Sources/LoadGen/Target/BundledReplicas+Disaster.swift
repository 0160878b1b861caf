import Foundation

extension BundledReplicas {
    /// What the bundled disaster destroyed.
    public struct Destruction: Sendable {
        public var killedProcessIDs: [Int32]
        public var deletedDirectories: [String]
    }

    /// The `targetservice` the replicas run, for its `backup` and `restore` commands.
    var executable: URL { launchPlan.executable }

    /// Where replica `slot` (0-based) keeps its backups (`backup_every` and the `backup` action).
    func backupDirectory(ofSlot slot: Int) -> URL {
        Self.backupDirectory(forDataDirectory: replicas[slot].dataDirectory)
    }

    /// The newest complete backup of replica `slot`: a subdirectory with a manifest (written last, so its presence
    /// marks a finished backup), newest by name (`backup-YYYYMMDDTHHMMSSZ`, `manual-…` sort by time too).
    func newestBackup(ofSlot slot: Int) -> URL? {
        let directory = backupDirectory(ofSlot: slot)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let complete = names.filter {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("\($0)/manifest.json").path)
        }
        let newest = complete.max {
            modificationDate(directory.appendingPathComponent($0)) < modificationDate(directory.appendingPathComponent($1))
        }
        return newest.map { directory.appendingPathComponent($0) }
    }

    private func modificationDate(_ url: URL) -> Date {
        let manifest = url.appendingPathComponent("manifest.json").path
        return ((try? FileManager.default.attributesOfItem(atPath: manifest))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// The disaster: SIGKILL to every replica (and its process group), wait until each is gone, then delete every
    /// data directory. Backups live outside the data directories and survive.
    public func destroyAll() async -> Destruction {
        let current = replicas
        let killed = current.compactMap(\.processID)
        for replica in current { replica.send(SIGKILL, toProcessGroup: true) }
        _ = await Self.waitUntilEnded(current, timeout: .seconds(10))
        var deleted: [String] = []
        for replica in current where (try? FileManager.default.removeItem(at: replica.dataDirectory)) != nil {
            deleted.append(replica.dataDirectory.path)
        }
        return Destruction(killedProcessIDs: killed, deletedDirectories: deleted)
    }

    /// Starts every replica again on the shared port, from what its data directory holds now (after a restore),
    /// and returns their pids once all are ready.
    public func startAllAgain(timeout: Duration) async throws(BundledTargetError) -> [Int32] {
        let plan = launchPlan
        let catalog = try plan.spec.model.map { name throws(BundledTargetError) in
            try BundledModelCatalog.catalogJSON(forModel: name)
        }
        var fresh: [ReplicaProcess] = []
        for slot in 0..<replicaCount {
            let replica = try Self.launchReplica(
                slot + 1, port: plan.port, spec: plan.spec, catalog: catalog, executable: plan.executable, under: rootDirectory,
                tokenFile: plan.adminTokenFile)
            replace(slot: slot, with: replica)
            fresh.append(replica)
        }
        do {
            try await Self.waitUntilReady(fresh, port: plan.port, until: .now + timeout, spec: plan.spec)
        } catch let error as BundledTargetError {
            throw error
        } catch {
            throw BundledTargetError(.notReady, "the restarted replicas did not become ready: \(error)")
        }
        return fresh.compactMap(\.processID)
    }
}
