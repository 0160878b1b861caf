import Foundation

/// The bundled replicas as server and disk faults see them (implemented by LoadGen's `BundledReplicas`), so the
/// Chaos target does not depend on how replicas are started.
public protocol ReplicaControl: Sendable {
    /// How many replica slots there are; faults address them 1-based.
    var replicaCount: Int { get }
    /// The running process of replica `number` (1-based), nil while it is down or restarting.
    func processID(ofReplica number: Int) -> Int32?
    /// The data directory of replica `number` (1-based).
    func dataDirectory(ofReplica number: Int) -> URL
    /// Sends `signal` to replica `number`'s process (through its pidfd, so never to a recycled pid).
    func send(_ signal: Int32, toReplica number: Int)
    /// Stops replica `number` gracefully (SIGTERM, drain) and starts a new one on the same port, returning when
    /// it is ready.
    func restart(replica number: Int, timeout: Duration) async throws
}
