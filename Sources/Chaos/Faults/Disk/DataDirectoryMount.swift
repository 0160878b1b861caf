import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A replica's data directory on a size-limited tmpfs of its own, so `disk_full` fills that tmpfs and not the
/// machine's disk, and `disk_read_only` can remount it. The runner mounts it before the replica starts; what the
/// directory already holds (e.g. `models.json`) is copied onto the tmpfs. Needs root (mount(2)); otherwise
/// `unsupported` with the reason.
public struct DataDirectoryMount: Sendable, Equatable {
    /// The `fault` name of this mount's state-file record; `chaos reset` unmounts what a dead run left.
    public static let recordName = "data_directory_mount"

    public let directory: URL
    public let sizeBytes: Int

    /// Mounts a tmpfs of `sizeBytes` on `directory` (created if missing), carrying its current contents over.
    public static func mount(_ directory: URL, sizeBytes: Int) throws(FaultError) -> DataDirectoryMount {
        if sizeBytes < 64 * 1024 {
            throw FaultError(.invalidParameter, "a data directory limit of \(sizeBytes) bytes is too small; use at least 64 KiB")
        }
        if geteuid() != 0 {
            throw FaultError(
                .unsupported,
                """
                mounting a size-limited tmpfs on \(directory.path) needs root (loadgen runs as uid \(geteuid())); \
                disk faults cannot run here. Run as root to use disk_full and disk_read_only.
                """)
        }
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw FaultError(.failed, "cannot create \(directory.path): \(error.localizedDescription)")
        }
        // The mount hides what is underneath (and keeps it for after the unmount), so copy the contents aside,
        // mount, and copy them onto the tmpfs.
        let staging = directory.deletingLastPathComponent().appendingPathComponent(
            ".\(directory.lastPathComponent).premount-\(UUID().uuidString)")
        let items: [String]
        do {
            try manager.copyItem(at: directory, to: staging)
            items = try manager.contentsOfDirectory(atPath: staging.path)
        } catch {
            try? manager.removeItem(at: staging)
            throw FaultError(
                .failed, "cannot copy the contents of \(directory.path) aside before mounting: \(error.localizedDescription)")
        }
        defer { try? manager.removeItem(at: staging) }
        let path = MountTable.canonicalPath(directory)
        if Glibc.mount("tmpfs", path, "tmpfs", 0, "size=\(sizeBytes),mode=0755") != 0 {
            throw FaultError(
                .unsupported,
                """
                cannot mount a tmpfs on \(path): \(String(cString: strerror(errno))). Disk faults need mount \
                permission (root outside a restricted container, or CAP_SYS_ADMIN).
                """)
        }
        let mounted = DataDirectoryMount(directory: URL(fileURLWithPath: path), sizeBytes: sizeBytes)
        do {
            for item in items {
                try manager.copyItem(at: staging.appendingPathComponent(item), to: mounted.directory.appendingPathComponent(item))
            }
        } catch {
            try? mounted.unmount()
            throw FaultError(
                .failed,
                "cannot copy the contents of \(path) onto its \(sizeBytes)-byte tmpfs: \(error.localizedDescription); raise the limit"
            )
        }
        return mounted
    }

    /// What the state file keeps, so `chaos reset` can unmount it after a crash.
    public var record: FaultRecord {
        FaultRecord(
            fault: Self.recordName, values: ["mount_point": directory.path, "size": "\(sizeBytes)"],
            expiresAt: Date.distantFuture.timeIntervalSince1970)
    }

    /// Unmounts the tmpfs; its contents are discarded and the directory shows what it held before the mount.
    /// Lazy (MNT_DETACH), so a replica still holding files open does not block it.
    public func unmount() throws(FaultError) {
        try Self.unmount(directory.path)
    }

    /// Unmounts the tmpfs a dead run left at the record's mount point; anything else there is left alone.
    public static func revertLeftover(_ record: FaultRecord) throws(FaultError) {
        guard let path = record.values["mount_point"] else { return }
        try unmount(path)
    }

    private static func unmount(_ path: String) throws(FaultError) {
        guard let entry = MountTable.mount(at: URL(fileURLWithPath: path)), entry.fileSystem == "tmpfs" else { return }
        if umount2(path, Int32(MNT_DETACH)) != 0 {
            throw FaultError(
                .failed,
                "cannot unmount the tmpfs on \(path): \(String(cString: strerror(errno))); run 'umount -l \(path)' as root")
        }
    }
}
