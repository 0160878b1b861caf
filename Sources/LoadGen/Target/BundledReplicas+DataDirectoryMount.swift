import Chaos
import Foundation

extension BundledReplicas {
    /// Puts every replica's data directory on a tmpfs of `sizeBytes` of its own, so `disk_full` and
    /// `disk_read_only` have something to act on that is not the machine's disk. One replica at a time: stop it
    /// (SIGTERM, drain), mount the tmpfs over its data directory (the data is copied over), start it again on the
    /// same port and wait until it is ready — the others keep serving. Call it after `start`, before the load and
    /// before `supervise`. Each mount is added to `stateFile` as soon as it exists, so `loadgen chaos reset` unmounts
    /// it should this process die; `unmountDataDirectories` undoes it after `stop`.
    public func mountDataDirectories(
        sizeBytes: Int, timeout: Duration = .seconds(60), stateFile: ChaosStateFile?
    ) async throws -> [DataDirectoryMount] {
        var mounts: [DataDirectoryMount] = []
        for slot in 0..<replicaCount {
            let old = replicas[slot]
            old.send(SIGTERM)
            if !(await Self.waitUntilEnded([old], timeout: timeout)) {
                old.send(SIGKILL, toProcessGroup: true)
                _ = await Self.waitUntilEnded([old], timeout: .seconds(5))
                throw BundledTargetError(
                    .notReady,
                    "bundled replica \(old.number) did not exit within \(timeout) of SIGTERM, so its data directory could not be mounted"
                )
            }
            let mount = try DataDirectoryMount.mount(old.dataDirectory, sizeBytes: sizeBytes)
            mounts.append(mount)
            try stateFile?.add(
                ChaosStateEntry(
                    id: "\(getpid())-mount-\(UUID().uuidString)", ownerPID: getpid(),
                    ownerStartTime: ProcessIdentity.of(getpid())?.startTime,
                    injectedAt: Date().timeIntervalSince1970, record: mount.record))
            let plan = launchPlan
            let catalog = try plan.spec.model.map { name throws(BundledTargetError) in
                try BundledModelCatalog.catalogJSON(forModel: name)
            }
            let fresh = try Self.launchReplica(
                old.number, port: plan.port, spec: plan.spec, catalog: catalog, executable: plan.executable, under: rootDirectory,
                tokenFile: plan.adminTokenFile)
            replace(slot: slot, with: fresh)
            try await Self.waitUntilReady([fresh], port: plan.port, until: .now + timeout, spec: plan.spec)
        }
        return mounts
    }

    /// Unmounts what `mountDataDirectories` mounted (after `stop`, when no replica uses them), removes their state
    /// file entries and the directories `stop` could not remove while they were mount points.
    public func unmountDataDirectories(_ mounts: [DataDirectoryMount], stateFile: ChaosStateFile?) throws {
        for mount in mounts {
            try mount.unmount()
            try stateFile?.update { entries in entries.removeAll { $0.record == mount.record } }
        }
        try? FileManager.default.removeItem(at: rootDirectory)
    }
}
