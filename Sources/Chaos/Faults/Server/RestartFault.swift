import Foundation

/// A graceful restart of one bundled replica or all, one after another (SIGTERM, drain, start, ready). Nothing to
/// revert: the new process serves the same data.
public struct RestartFault: DescribedFault {
    public static let name = "restart"
    public static let summary = "gracefully restart one bundled replica (target: replica-N) or all, one at a time"
    public static let requirements: Set<FaultRequirement> = [.bundledReplicas]
    public static let parameterHelp = [
        "timeout (s per replica, default 30); target: replica-N, N or all"
    ]
    /// Seconds each replica may take to drain and become ready again.
    public var timeout: Int

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: ["timeout"])
        timeout = try parameters.integer("timeout", default: 30, range: 1...3600)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        let replicas = try ReplicaSelection.replicas(for: Self.name, in: environment)
        let numbers = try ReplicaSelection.numbers(environment.targetSelector, in: replicas)
        for number in numbers {
            do {
                try await replicas.restart(replica: number, timeout: .seconds(timeout))
            } catch {
                throw FaultError(.failed, "restarting replica \(number) failed: \(error)")
            }
        }
        let record = FaultRecord(
            fault: Self.name, values: ["replicas": numbers.map(String.init).joined(separator: ",")],
            expiresAt: environment.expiresAt)
        return FaultUndo(record: record) {}
    }
}
