import Chaos
import Foundation

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
