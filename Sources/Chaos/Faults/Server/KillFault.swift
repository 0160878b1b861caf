import Foundation

/// `kill -9` of one bundled replica or all (`target: all`). Nothing to revert: bringing the replica back is the
/// supervisor's job (or the scenario's, when it turned the supervisor off).
public struct KillFault: DescribedFault {
    public static let name = "kill"
    public static let summary = "SIGKILL one bundled replica (target: replica-N) or all; the supervisor restarts it"
    public static let requirements: Set<FaultRequirement> = [.bundledReplicas]
    public static let parameterHelp = [
        "(none; target: replica-N, N or all, default replica 1)"
    ]

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: [])
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        let replicas = try ReplicaSelection.replicas(for: Self.name, in: environment)
        let numbers = try ReplicaSelection.numbers(environment.targetSelector, in: replicas)
        var killed: [String] = []
        for number in numbers {
            guard let pid = replicas.processID(ofReplica: number) else { continue }
            replicas.send(SIGKILL, toReplica: number)
            killed.append("\(number):\(pid)")
        }
        if killed.isEmpty {
            throw FaultError(
                .failed, "no replica to kill: replica \(numbers.map(String.init).joined(separator: ", ")) is not running")
        }
        let record = FaultRecord(
            fault: Self.name, values: ["killed": killed.joined(separator: ",")], expiresAt: environment.expiresAt)
        return FaultUndo(record: record) {}
    }
}
