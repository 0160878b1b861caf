import Foundation

/// The data directories a disk fault acts on: the selected replicas', each of which must be a tmpfs mount of its
/// own (`DataDirectoryMount`) — filling or remounting anything else would hit the machine's real disk.
enum DiskFaultTarget {
    static func mountPoints(for fault: String, in environment: FaultEnvironment) throws(FaultError) -> [URL] {
        let replicas = try ReplicaSelection.replicas(for: fault, in: environment)
        let numbers = try ReplicaSelection.numbers(environment.targetSelector, in: replicas)
        if geteuid() != 0 {
            throw FaultError(
                .unsupported, "'\(fault)' needs root to mount and remount the data directory (loadgen runs as uid \(geteuid()))")
        }
        return try numbers.map { number throws(FaultError) in
            let directory = replicas.dataDirectory(ofReplica: number)
            guard let entry = MountTable.mount(at: directory), entry.fileSystem == "tmpfs" else {
                throw FaultError(
                    .unsupported,
                    """
                    '\(fault)': the data directory of replica \(number) (\(directory.path)) is not on a size-limited \
                    tmpfs of its own, and filling or remounting it would hit the machine's disk. Give the bundled \
                    target a data directory limit so loadgen mounts one before the replicas start.
                    """)
            }
            return URL(fileURLWithPath: entry.mountPoint)
        }
    }
}
