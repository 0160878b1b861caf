import Chaos
import Foundation
import Testing

/// `chaos reset` after the injecting process was killed with -9: the faults it left (a frozen process, an nftables
/// table, a full tmpfs and its mount) are reverted from their records; a live owner's faults are kept unless forced.
@Suite(.serialized) struct LeftoverResetTests {
    /// A process that plays the run which injected the faults; `killHard` is its `kill -9`.
    final class Owner {
        let process = Process()
        init() throws {
            process.executableURL = URL(fileURLWithPath: "/bin/sleep")
            // Long enough that it never ends on its own while a busy suite delays the test (as ChildProcessReplicas).
            process.arguments = ["300"]
            try process.run()
        }

        deinit {
            if process.isRunning { killHard() }
        }

        var pid: Int32 { process.processIdentifier }

        func entry(_ record: FaultRecord) throws -> ChaosStateEntry {
            let identity = try #require(ProcessIdentity.of(pid))
            return ChaosStateEntry(
                id: UUID().uuidString, ownerPID: pid, ownerStartTime: identity.startTime, injectedAt: 0, record: record)
        }

        func killHard() {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
    }

    @Test func resumesAProcessFrozenByAKilledRun() async throws {
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let replicas = try ChildProcessReplicas(count: 1)
        defer { replicas.stopAll() }
        let victim = try #require(replicas.processID(ofReplica: 1))
        let owner = try Owner()
        let file = ChaosStateFile(url: scratch.url.appendingPathComponent("state.json"))
        let undo = try await FreezeFault(parameters: parameters([:])).inject(into: environment(replicas: replicas))
        try file.add(owner.entry(undo.record))
        #expect(await eventually { ProcessIdentity.state(of: victim) == "T" })

        // While the owner runs, the fault is its to revert.
        let kept = try await LeftoverReset.run(file, sweepOrphanTables: false)
        #expect(kept.map(\.result) == [.skippedOwnerAlive])
        #expect(ProcessIdentity.state(of: victim) == "T")

        owner.killHard()
        let outcomes = try await LeftoverReset.run(file, sweepOrphanTables: false)
        #expect(outcomes.map(\.result) == [.reverted])
        #expect(await eventually { ProcessIdentity.state(of: victim) == "S" })
        #expect(try file.entries().isEmpty)
    }

    @Test func neverSignalsARecycledPid() async throws {
        let replicas = try ChildProcessReplicas(count: 1)
        defer { replicas.stopAll() }
        let pid = try #require(replicas.processID(ofReplica: 1))
        let identity = try #require(ProcessIdentity.of(pid))
        kill(pid, SIGSTOP)
        #expect(await eventually { ProcessIdentity.state(of: pid) == "T" })
        // A record naming the same pid with another start time is some earlier process: it must be left alone.
        try await FreezeFault.revertLeftover(
            FaultRecord(fault: "freeze", values: ["processes": "\(pid):\(identity.startTime + 1)"], expiresAt: 0))
        #expect(ProcessIdentity.state(of: pid) == "T")
        kill(pid, SIGCONT)
    }

    @Test func deletesTheNftablesTableOfAKilledRun() async throws {
        try #require(KernelFaultTests.canRun, "kernel faults need root and nft (make setup)")
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let listener = try LoopbackListener()
        defer { listener.close() }
        let owner = try Owner()
        let file = ChaosStateFile(url: scratch.url.appendingPathComponent("state.json"))
        let undo = try await ConnectionResetFault(parameters: parameters([:])).inject(into: environment(port: listener.port))
        try file.add(owner.entry(undo.record))
        let table = try #require(undo.record.values["table"])
        #expect(try nftTables().contains(table))
        owner.killHard()
        #expect(try await LeftoverReset.run(file, sweepOrphanTables: false).map(\.result) == [.reverted])
        #expect(try !nftTables().contains(table))
        #expect(LoopbackListener.connect(port: listener.port) == 0)
    }

    @Test func deletesOurTablesWhoseOwnerIsGoneEvenWithoutARecord() async throws {
        try #require(KernelFaultTests.canRun, "kernel faults need root and nft (make setup)")
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let owner = try Owner()
        let dead = owner.pid
        owner.killHard()
        let alive = getpid()
        for name in ["loadgen_chaos_\(dead)_1", "loadgen_chaos_\(alive)_999"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/nft")
            process.arguments = ["add", "table", "inet", name]
            try process.run()
            process.waitUntilExit()
        }
        defer { _ = try? nft(["delete", "table", "inet", "loadgen_chaos_\(alive)_999"]) }
        // Other tests may leave orphans of their own for a moment; only this test's tables are checked.
        let outcomes = try await LeftoverReset.run(ChaosStateFile(url: scratch.url.appendingPathComponent("state.json")))
            .filter { $0.entry.id.hasPrefix("loadgen_chaos_\(dead)_") || $0.entry.id.hasPrefix("loadgen_chaos_\(alive)_") }
        #expect(outcomes.map(\.entry.id) == ["loadgen_chaos_\(dead)_1"])
        #expect(outcomes.map(\.result) == [.reverted])
        let tables = try nftTables()
        #expect(!tables.contains("loadgen_chaos_\(dead)_1"))
        #expect(tables.contains("loadgen_chaos_\(alive)_999"))
    }

    @Test func emptiesAndUnmountsTheTmpfsOfAKilledRun() async throws {
        try #require(DiskFaultTests.isRoot, "mounting a tmpfs needs root")
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let owner = try Owner()
        let file = ChaosStateFile(url: scratch.url.appendingPathComponent("state.json"))
        let mount = try DataDirectoryMount.mount(scratch.url.appendingPathComponent("replica-1"), sizeBytes: 1 << 20)
        defer { try? mount.unmount() }
        try file.add(owner.entry(mount.record))
        let replicas = try ChildProcessReplicas(count: 1, dataDirectories: [mount.directory])
        defer { replicas.stopAll() }
        let undo = try await DiskFullFault(parameters: parameters([:])).inject(into: environment(replicas: replicas))
        try file.add(owner.entry(undo.record))
        #expect(DiskFaultTests.write(4096, in: mount.directory) == ENOSPC)
        owner.killHard()
        let outcomes = try await LeftoverReset.run(file, sweepOrphanTables: false)
        #expect(outcomes.map(\.entry.record.fault) == ["disk_full", DataDirectoryMount.recordName])
        #expect(outcomes.map(\.result) == [.reverted, .reverted])
        #expect(!FileManager.default.fileExists(atPath: mount.directory.appendingPathComponent(".loadgen-disk-full-filler").path))
        let stillMounted = try #require(ProcFile.read("/proc/self/mountinfo")).contains(" \(mount.directory.path) ")
        #expect(!stillMounted)
    }

    @Test func forceRevertsALiveOwnersFaultsAndUnknownFaultsAreKept() async throws {
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let owner = try Owner()
        defer { owner.killHard() }
        let file = ChaosStateFile(url: scratch.url.appendingPathComponent("state.json"))
        try file.add(owner.entry(FaultRecord(fault: "latency", values: ["toxic": "latency_1"], expiresAt: 0)))
        try file.add(owner.entry(FaultRecord(fault: "warp_drive", expiresAt: 0)))
        let outcomes = try await LeftoverReset.run(file, force: true, sweepOrphanTables: false)
        #expect(outcomes.map(\.result) == [.failed, .reverted])
        #expect(outcomes[0].detail.contains("unknown fault 'warp_drive'"))
        #expect(try file.entries().map(\.record.fault) == ["warp_drive"])
    }
}
