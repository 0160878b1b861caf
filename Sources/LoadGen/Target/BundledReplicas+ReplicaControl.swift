import Chaos
import Foundation

/// Server and disk faults reach the replicas through `ReplicaControl`; numbers are 1-based slots.
extension BundledReplicas: ReplicaControl {
    public func processID(ofReplica number: Int) -> Int32? {
        guard let replica = replica(number), case .running(let pid) = replica.phase else { return nil }
        return pid
    }

    public func dataDirectory(ofReplica number: Int) -> URL {
        replica(number)?.dataDirectory ?? rootDirectory.appendingPathComponent("replica-\(number)")
    }

    public func send(_ signal: Int32, toReplica number: Int) {
        replica(number)?.send(signal)
    }

    public func restart(replica number: Int, timeout: Duration) async throws {
        guard (1...replicaCount).contains(number) else {
            throw BundledTargetError(.invalidSettings, "there is no bundled replica \(number); there are \(replicaCount)")
        }
        _ = try await restart(slot: number - 1, timeout: timeout)
    }

    private func replica(_ number: Int) -> ReplicaProcess? {
        let all = replicas
        return all.indices.contains(number - 1) ? all[number - 1] : nil
    }
}
