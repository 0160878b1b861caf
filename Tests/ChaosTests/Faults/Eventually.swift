import Chaos
import Foundation

/// Polls `condition` until it holds or `timeout` passes (signals and process states change asynchronously).
func eventually(timeout: Duration = .seconds(60), _ condition: @Sendable () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}

/// A fresh directory under the temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("chaos-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A fault environment with a TTL a minute away.
func environment(
    proxy: (any ToxicControl)? = nil, replicas: (any ReplicaControl)? = nil, target: String? = nil, port: Int? = nil
) -> FaultEnvironment {
    FaultEnvironment(
        proxy: proxy, replicas: replicas, targetSelector: target, targetPort: port, duration: .seconds(60),
        expiresAt: Date().timeIntervalSince1970 + 60)
}

/// Parameters at a fixed location, for error messages.
func parameters(_ values: [String: String]) -> FaultParameters {
    FaultParameters(values, location: "chaos[0].fault")
}
