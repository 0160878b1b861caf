import Foundation

/// Fills a bundled replica's tmpfs data directory with a filler file until the kernel answers ENOSPC; revert
/// deletes the filler. The service must keep detecting and answer writes with 503 meanwhile.
public struct DiskFullFault: DescribedFault {
    public static let name = "disk_full"
    public static let summary = "fill a bundled replica's data directory (its own tmpfs) to ENOSPC (root)"
    public static let requirements: Set<FaultRequirement> = [.bundledReplicas, .root, .tmpfsDataDirectory]
    public static let parameterHelp = [
        "(none; target: replica-N, N or all, default replica 1)"
    ]
    static let fillerName = ".loadgen-disk-full-filler"

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: [])
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        let mountPoints = try DiskFaultTarget.mountPoints(for: Self.name, in: environment)
        let fillers = mountPoints.map { $0.appendingPathComponent(Self.fillerName).path }
        var filled: [String] = []
        for filler in fillers {
            do {
                try Self.fill(filler)
                filled.append(filler)
            } catch {
                for done in filled + [filler] { unlink(done) }
                throw error
            }
        }
        let record = FaultRecord(
            fault: Self.name, values: ["fillers": fillers.joined(separator: "\n")], expiresAt: environment.expiresAt)
        return FaultUndo(record: record) {
            for filler in fillers { unlink(filler) }
        }
    }

    /// Deletes the filler files a dead run left (only files with the filler's name).
    public static func revertLeftover(_ record: FaultRecord) async throws(FaultError) {
        for filler in (record.values["fillers"] ?? "").split(separator: "\n") where filler.hasSuffix("/" + fillerName) {
            unlink(String(filler))
        }
    }

    /// Writes `path` until the file system is full: big chunks first, then smaller ones, so the last free page
    /// goes too.
    static func fill(_ path: String) throws(FaultError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if descriptor < 0 { throw FaultError(.failed, "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0xA5, count: 1 << 20)
        var size = chunk.count
        while size > 0 {
            let written = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, size) }
            if written > 0 { continue }
            if written < 0 && errno == EINTR { continue }
            if written < 0 && errno != ENOSPC {
                throw FaultError(.failed, "cannot fill \(path): \(String(cString: strerror(errno)))")
            }
            size /= 16
        }
        fsync(descriptor)
    }
}
