import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Remounts a bundled replica's tmpfs data directory read-only; revert remounts it read-write. Linux refuses the
/// remount (EBUSY) while a process holds a file there open for writing, which a running replica with an open
/// SQLite database does — then the fault is `unsupported` with that reason, never skipped silently.
public struct DiskReadOnlyFault: DescribedFault {
    public static let name = "disk_read_only"
    public static let summary = "remount a bundled replica's data directory (its own tmpfs) read-only (root)"
    public static let requirements: Set<FaultRequirement> = [.bundledReplicas, .root, .tmpfsDataDirectory]
    public static let parameterHelp = [
        "(none; target: replica-N, N or all, default replica 1)"
    ]

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: [])
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        let mountPoints = try DiskFaultTarget.mountPoints(for: Self.name, in: environment).map(\.path)
        var done: [String] = []
        for path in mountPoints {
            do {
                try Self.remount(path, readOnly: true)
                done.append(path)
            } catch {
                for path in done { try? Self.remount(path, readOnly: false) }
                throw error
            }
        }
        let record = FaultRecord(
            fault: Self.name, values: ["mount_points": mountPoints.joined(separator: "\n")], expiresAt: environment.expiresAt)
        return FaultUndo(record: record) { () throws(FaultError) in
            for path in mountPoints { try Self.remount(path, readOnly: false) }
        }
    }

    /// Remounts read-write each recorded mount point that is still a read-only tmpfs.
    public static func revertLeftover(_ record: FaultRecord) async throws(FaultError) {
        for path in (record.values["mount_points"] ?? "").split(separator: "\n").map(String.init) {
            guard let entry = MountTable.mount(at: URL(fileURLWithPath: path)), entry.fileSystem == "tmpfs", entry.readOnly else {
                continue
            }
            try remount(path, readOnly: false)
        }
    }

    static func remount(_ path: String, readOnly: Bool) throws(FaultError) {
        let flags = UInt(MS_REMOUNT) | (readOnly ? UInt(MS_RDONLY) : 0)
        if Glibc.mount("tmpfs", path, "tmpfs", flags, nil) == 0 { return }
        let code = errno
        let reason = String(cString: strerror(code))
        if readOnly && code == EBUSY {
            throw FaultError(
                .unsupported,
                """
                cannot remount \(path) read-only: \(reason) — a process (the replica's SQLite database) holds a \
                file there open for writing, and Linux refuses a read-only remount then. Use disk_full to make \
                the data directory unwritable instead.
                """)
        }
        throw FaultError(
            readOnly ? .unsupported : .failed, "cannot remount \(path) \(readOnly ? "read-only" : "read-write"): \(reason)")
    }
}
