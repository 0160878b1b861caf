import Chaos
import Foundation
import Testing

/// A run killed with -9 while its faults are active, then `loadgen chaos reset`: the killed "run" is this test
/// binary started again as a helper that schedules a freeze, a connection reset (nftables) and a full tmpfs data
/// directory, exactly as a run does, and is then SIGKILLed. Reset must undo all of it from the state file.
@Suite(.serialized) struct KilledRunResetTests {
    static let helperVariable = "CHAOS_TEST_HELPER_STATE"
    static let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    static let loadgen = testBinary.deletingLastPathComponent().appendingPathComponent("loadgen")

    /// The helper half: does nothing in a normal test run; with the variable set it injects and waits to be killed.
    @Test func helperInjectsFaultsAndWaitsToBeKilled() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let statePath = environment[Self.helperVariable] else { return }
        let victim = try #require(environment["CHAOS_TEST_HELPER_VICTIM"].flatMap(Int32.init))
        let port = try #require(environment["CHAOS_TEST_HELPER_PORT"].flatMap(Int.init))
        let dataDirectory = URL(fileURLWithPath: try #require(environment["CHAOS_TEST_HELPER_DATA"]))
        let stateFile = ChaosStateFile(url: URL(fileURLWithPath: statePath))
        // What the runner does for a bundled target with a data directory limit: mount, and record the mount.
        let mount = try DataDirectoryMount.mount(dataDirectory, sizeBytes: 1 << 20)
        try stateFile.add(
            ChaosStateEntry(
                id: "mount", ownerPID: getpid(), ownerStartTime: ProcessIdentity.of(getpid())?.startTime,
                injectedAt: Date().timeIntervalSince1970, record: mount.record))
        let steps = [
            FaultStep(at: .zero, duration: .seconds(600), fault: try FreezeFault(parameters: parameters([:])), label: "chaos[0]"),
            FaultStep(
                at: .zero, duration: .seconds(600), fault: try ConnectionResetFault(parameters: parameters([:])),
                label: "chaos[1]"),
            FaultStep(
                at: .zero, duration: .seconds(600), fault: try DiskFullFault(parameters: parameters([:])), label: "chaos[2]"),
        ]
        let scheduler = FaultScheduler(
            steps: steps, clock: ContinuousClock(),
            targets: .init(replicas: PidReplicas(pid: victim, dataDirectory: mount.directory), targetPort: port),
            stateFile: stateFile, onEvent: { print("event: \($0.action) \($0.label) \($0.outcome) \($0.detail)") })
        await scheduler.run()
    }

    @Test func chaosResetRevertsWhatARunKilledWith9Left() async throws {
        try #require(
            geteuid() == 0 && KernelFaultTests.canRun,
            "this test freezes, mounts and adds nftables rules, which needs root and nft")
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.loadgen.path), "build loadgen first: swift build --build-tests")
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let victims = try ChildProcessReplicas(count: 1)
        defer { victims.stopAll() }
        let victim = try #require(victims.processID(ofReplica: 1))
        let listener = try LoopbackListener()
        defer { listener.close() }
        let statePath = scratch.url.appendingPathComponent("chaos-state.json").path
        let data = scratch.url.appendingPathComponent("replica-1")

        let helper = Process()
        helper.executableURL = Self.testBinary
        helper.arguments = [
            "--testing-library", "swift-testing", "--filter", "KilledRunResetTests/helperInjectsFaultsAndWaitsToBeKilled",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.helperVariable] = statePath
        environment["CHAOS_TEST_HELPER_VICTIM"] = "\(victim)"
        environment["CHAOS_TEST_HELPER_PORT"] = "\(listener.port)"
        environment["CHAOS_TEST_HELPER_DATA"] = data.path
        helper.environment = environment
        helper.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try helper.run()
        defer { if helper.isRunning { kill(helper.processIdentifier, SIGKILL); helper.waitUntilExit() } }

        let stateFile = ChaosStateFile(url: URL(fileURLWithPath: statePath))
        let injected = await eventually(timeout: .seconds(60)) {
            let entries = (try? stateFile.entries()) ?? []
            return entries.count == 4 && !entries.contains { $0.record.values["state"] == "injecting" }
        }
        try #require(injected, "the helper did not inject its faults: \(String(describing: try? stateFile.entries()))")
        #expect(await eventually { ProcessIdentity.state(of: victim) == "T" })
        #expect(LoopbackListener.connect(port: listener.port) == ECONNREFUSED)
        #expect(DiskFaultTests.write(4096, in: data) == ENOSPC)

        kill(helper.processIdentifier, SIGKILL)
        helper.waitUntilExit()
        // Killed: nothing reverted itself.
        #expect(try stateFile.entries().count == 4)
        #expect(ProcessIdentity.state(of: victim) == "T")

        let reset = Process()
        reset.executableURL = Self.loadgen
        reset.arguments = ["chaos", "reset", "--state", statePath]
        let output = Pipe()
        reset.standardOutput = output
        try reset.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reset.waitUntilExit()
        #expect(reset.terminationStatus == 0, "\(printed)")
        for fault in ["freeze", "connection_reset", "disk_full", DataDirectoryMount.recordName] {
            #expect(printed.contains("reverted \(fault)"), "\(printed)")
        }
        #expect(await eventually { ProcessIdentity.state(of: victim) == "S" })
        #expect(LoopbackListener.connect(port: listener.port) == 0)
        #expect(try !nftTables().contains { $0.hasPrefix("loadgen_chaos_\(helper.processIdentifier)_") })
        let mounts = try #require(ProcFile.read("/proc/self/mountinfo"))
        #expect(!mounts.contains(" \(data.path) "))
        #expect(!FileManager.default.fileExists(atPath: statePath))
    }
}

/// The helper's `ReplicaControl`: one "replica", a process the parent test started.
struct PidReplicas: ReplicaControl {
    let pid: Int32
    let dataDirectory: URL
    var replicaCount: Int { 1 }
    func processID(ofReplica number: Int) -> Int32? { pid }
    func dataDirectory(ofReplica number: Int) -> URL { dataDirectory }
    func send(_ signal: Int32, toReplica number: Int) { kill(pid, signal) }
    func restart(replica number: Int, timeout: Duration) async throws {}
}
