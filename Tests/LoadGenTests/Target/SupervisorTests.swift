import Chaos
import Foundation
import Synchronization
import Testing
@testable import LoadGen

/// The replica supervisor: a replica killed with -9 comes back on the same port and serves; one stopped on
/// purpose (exit 0) is left alone; and the backoff doubles up to its cap like Kubernetes' restart policy.
@Suite(.serialized) struct SupervisorTests {
    final class Events: Sendable {
        let list = Mutex<[BundledReplicas.SupervisorEvent]>([])
        var all: [BundledReplicas.SupervisorEvent] { list.withLock { $0 } }
    }

    @Test func restartsAReplicaKilledWithSignal9() async throws {
        let executable = try TargetServiceExecutable.locate(explicit: nil)
        let spec = BundledTarget(replicas: 2, model: "face", workers: 1, readyTimeout: .seconds(60))
        let replicas = try await withTimeLimit(.seconds(90)) {
            try await BundledReplicas.start(spec, executable: executable, log: { _ in })
        }
        let events = Events()
        let supervisor = replicas.supervise(backoff: .init(initial: .milliseconds(50))) { event in
            events.list.withLock { $0.append(event) }
        }
        let killed = try #require(replicas.processID(ofReplica: 2))
        let untouched = try #require(replicas.processID(ofReplica: 1))
        replicas.send(SIGKILL, toReplica: 2)

        try await withTimeLimit(.seconds(90)) {
            while events.all.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        }
        let event = try #require(events.all.first)
        #expect(event.replica == 2)
        #expect(event.previousProcessID == killed)
        #expect(event.exitReason == "signal 9")
        #expect(event.outcome == .ready, "\(event.detail)")
        #expect(event.crashesInARow == 1 && event.waited == .milliseconds(50))
        let fresh = try #require(replicas.processID(ofReplica: 2))
        #expect(fresh == event.newProcessID && fresh != killed)
        #expect(replicas.processID(ofReplica: 1) == untouched)
        let port = try #require(URLComponents(string: replicas.baseURL)?.port)
        #expect(try LoopbackHTTPClient(port: port, timeout: .seconds(10)).get("/readyz").status == 200)

        try await withTimeLimit(.seconds(10)) { await supervisor.stop() }
        try await withTimeLimit(.seconds(30)) { await replicas.stop() }
        #expect(events.all.count == 1, "stopping the replicas must not look like a crash")
    }

    @Test func aGracefulRestartIsNotMistakenForACrash() async throws {
        let executable = try TargetServiceExecutable.locate(explicit: nil)
        let spec = BundledTarget(replicas: 1, model: "face", workers: 1, readyTimeout: .seconds(60))
        let replicas = try await withTimeLimit(.seconds(90)) {
            try await BundledReplicas.start(spec, executable: executable, log: { _ in })
        }
        let events = Events()
        let supervisor = replicas.supervise(backoff: .init(initial: .milliseconds(10))) { event in
            events.list.withLock { $0.append(event) }
        }
        let before = try #require(replicas.processID(ofReplica: 1))
        try await withTimeLimit(.seconds(90)) { try await replicas.restart(replica: 1, timeout: .seconds(30)) }
        let after = try #require(replicas.processID(ofReplica: 1))
        #expect(after != before)
        try await withTimeLimit(.seconds(10)) { await supervisor.stop() }
        #expect(events.all.isEmpty)
        try await withTimeLimit(.seconds(30)) { await replicas.stop() }
    }

    @Test(arguments: [(1, 100), (2, 200), (3, 400), (7, 6_400), (8, 10_000), (50, 10_000)])
    func backoffDoublesUpToItsCap(crashes: Int, milliseconds: Int) {
        let backoff = BundledReplicas.RestartBackoff(initial: .milliseconds(100), maximum: .seconds(10))
        #expect(backoff.delay(afterCrashesInARow: crashes) == .milliseconds(milliseconds))
    }
}
