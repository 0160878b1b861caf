import Chaos
import Foundation
import Testing

/// Server faults on real child processes: freeze stops and resumes, kill ends, restart asks the replicas, and the
/// target selector picks which.
@Suite(.serialized) struct ServerFaultTests {
    @Test func freezeStopsTheProcessAndRevertResumesIt() async throws {
        let replicas = try ChildProcessReplicas(count: 2)
        defer { replicas.stopAll() }
        let pid = try #require(replicas.processID(ofReplica: 2))
        let undo = try await FreezeFault(parameters: parameters([:])).inject(
            into: environment(replicas: replicas, target: "replica-2"))
        #expect(await eventually { ProcessIdentity.state(of: pid) == "T" })
        let other = try #require(replicas.processID(ofReplica: 1))
        #expect(ProcessIdentity.state(of: other) != "T")
        let identity = try #require(ProcessIdentity.of(pid))
        #expect(undo.record.values["processes"] == "\(pid):\(identity.startTime)")
        try await undo.revert()
        #expect(await eventually { ProcessIdentity.state(of: pid) == "S" })
    }

    @Test func killEndsTheSelectedReplicaAndLeavesNothingToRevert() async throws {
        let replicas = try ChildProcessReplicas(count: 2)
        defer { replicas.stopAll() }
        let pid = try #require(replicas.processID(ofReplica: 1))
        let undo = try await KillFault(parameters: parameters([:])).inject(into: environment(replicas: replicas))
        #expect(await eventually { replicas.processID(ofReplica: 1) == nil })
        #expect(replicas.processID(ofReplica: 2) != nil)
        #expect(undo.record.values["killed"] == "1:\(pid)")
        try await undo.revert()
    }

    @Test func killAllEndsEveryReplica() async throws {
        let replicas = try ChildProcessReplicas(count: 2)
        defer { replicas.stopAll() }
        _ = try await KillFault(parameters: parameters([:])).inject(into: environment(replicas: replicas, target: "all"))
        #expect(await eventually { replicas.processID(ofReplica: 1) == nil && replicas.processID(ofReplica: 2) == nil })
    }

    @Test func restartRestartsEachSelectedReplicaInTurn() async throws {
        let replicas = try ChildProcessReplicas(count: 3)
        defer { replicas.stopAll() }
        _ = try await RestartFault(parameters: parameters([:])).inject(into: environment(replicas: replicas, target: "all"))
        _ = try await RestartFault(parameters: parameters([:])).inject(into: environment(replicas: replicas, target: "2"))
        #expect(replicas.restarts.withLock { $0 } == [1, 2, 3, 2])
    }

    @Test(arguments: [
        ("replica-4", "target 'replica-4': there are 2 replicas; use 1...2 or all"),
        ("primary", "target 'primary' names no replica; write replica-N (1...2), N, or all"),
    ])
    func badSelectorsSayWhatToWrite(selector: String, message: String) async throws {
        let replicas = try ChildProcessReplicas(count: 2)
        defer { replicas.stopAll() }
        await #expect(throws: FaultError(.invalidParameter, message)) {
            _ = try await FreezeFault(parameters: parameters([:])).inject(into: environment(replicas: replicas, target: selector))
        }
    }

    @Test(arguments: ["kill", "freeze", "restart", "disk_full", "disk_read_only"])
    func withoutBundledReplicasTheFaultIsUnsupported(name: String) async throws {
        let fault = try #require(FaultCatalog.kind(named: name)).init(parameters: parameters([:]))
        do {
            _ = try await fault.inject(into: environment())
            Issue.record("\(name) injected without replicas")
        } catch {
            #expect(error.kind == .unsupported)
            #expect(error.message.contains("bundled"))
        }
    }

    @Test func processIdentityTellsARecycledPidFromTheSameProcess() throws {
        let me = try #require(ProcessIdentity.of(getpid()))
        #expect(me.isAlive)
        #expect(!ProcessIdentity(pid: me.pid, startTime: me.startTime + 1).isAlive)
        #expect(ProcessIdentity.of(-1) == nil)
    }
}
