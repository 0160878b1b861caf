import Chaos
import Foundation
import Testing

/// Disk faults as root on a real size-limited tmpfs: the mount carries the directory's contents over, disk_full
/// fills it to ENOSPC until reverted, disk_read_only remounts it (or says why it cannot), and unmount undoes it.
@Suite(.serialized) struct DiskFaultTests {
    static let isRoot = geteuid() == 0

    /// Writes `bytes` bytes to a new file in `directory`; 0 on success, else the errno.
    static func write(_ bytes: Int, in directory: URL) -> Int32 {
        let path = directory.appendingPathComponent("probe-\(UUID().uuidString)").path
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
        if descriptor < 0 { return errno }
        defer { close(descriptor); unlink(path) }
        let data = [UInt8](repeating: 1, count: bytes)
        let written = data.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, bytes) }
        return written == bytes ? 0 : (written < 0 ? errno : ENOSPC)
    }

    @Test func mountCarriesContentsOverAndUnmountRestoresTheDirectory() throws {
        try #require(Self.isRoot, "mounting a tmpfs needs root")
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let data = scratch.url.appendingPathComponent("replica-1")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: data.appendingPathComponent("models.json"))
        let mount = try DataDirectoryMount.mount(data, sizeBytes: 1 << 20)
        #expect(try String(contentsOf: data.appendingPathComponent("models.json"), encoding: .utf8) == "{}")
        #expect(Self.write(2 << 20, in: data) == ENOSPC)
        #expect(mount.record.values["mount_point"] == mount.directory.path)
        try mount.unmount()
        #expect(Self.write(2 << 20, in: data) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["replica-1"])
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("models.json").path))
    }

    @Test func diskFullFillsTheTmpfsUntilReverted() async throws {
        try #require(Self.isRoot, "mounting a tmpfs needs root")
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let mount = try DataDirectoryMount.mount(scratch.url.appendingPathComponent("replica-1"), sizeBytes: 4 << 20)
        defer { try? mount.unmount() }
        let replicas = try ChildProcessReplicas(count: 1, dataDirectories: [mount.directory])
        defer { replicas.stopAll() }
        #expect(Self.write(4096, in: mount.directory) == 0)
        let undo = try await DiskFullFault(parameters: parameters([:])).inject(into: environment(replicas: replicas))
        #expect(Self.write(4096, in: mount.directory) == ENOSPC)
        try await undo.revert()
        #expect(Self.write(4096, in: mount.directory) == 0)
    }

    @Test func diskFullRefusesADirectoryThatIsNotItsOwnTmpfs() async throws {
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let replicas = try ChildProcessReplicas(count: 1, dataDirectories: [scratch.url])
        defer { replicas.stopAll() }
        do {
            _ = try await DiskFullFault(parameters: parameters([:])).inject(into: environment(replicas: replicas))
            Issue.record("disk_full filled a directory on the machine's disk")
        } catch {
            #expect(error.kind == .unsupported)
            #expect(error.message.contains(Self.isRoot ? "is not on a size-limited tmpfs of its own" : "needs root"))
        }
    }

    @Test func readOnlyRemountsAndRevertMakesItWritable() async throws {
        try #require(Self.isRoot, "mounting a tmpfs needs root")
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let mount = try DataDirectoryMount.mount(scratch.url.appendingPathComponent("replica-1"), sizeBytes: 1 << 20)
        defer { try? mount.unmount() }
        let replicas = try ChildProcessReplicas(count: 1, dataDirectories: [mount.directory])
        defer { replicas.stopAll() }
        let undo = try await DiskReadOnlyFault(parameters: parameters([:])).inject(into: environment(replicas: replicas))
        #expect(Self.write(10, in: mount.directory) == EROFS)
        try await undo.revert()
        #expect(Self.write(10, in: mount.directory) == 0)
    }

    @Test func readOnlyIsUnsupportedWhileAFileIsOpenForWriting() async throws {
        try #require(Self.isRoot, "mounting a tmpfs needs root")
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let mount = try DataDirectoryMount.mount(scratch.url.appendingPathComponent("replica-1"), sizeBytes: 1 << 20)
        defer { try? mount.unmount() }
        let replicas = try ChildProcessReplicas(count: 1, dataDirectories: [mount.directory])
        defer { replicas.stopAll() }
        let held = open(mount.directory.appendingPathComponent("service.sqlite").path, O_WRONLY | O_CREAT, 0o600)
        defer { close(held) }
        do {
            _ = try await DiskReadOnlyFault(parameters: parameters([:])).inject(into: environment(replicas: replicas))
            Issue.record("remounted read-only although a file is open for writing")
        } catch {
            #expect(error.kind == .unsupported)
            #expect(error.message.contains("open for writing"))
        }
    }
}
