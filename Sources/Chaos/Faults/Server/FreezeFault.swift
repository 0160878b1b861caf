import Foundation

/// SIGSTOP of one bundled replica or all for the step's duration; the revert (at the step's end, or on abort)
/// sends SIGCONT. The record keeps pid and start time, so `chaos reset` resumes exactly the frozen processes.
public struct FreezeFault: DescribedFault {
    public static let name = "freeze"
    public static let summary = "SIGSTOP one bundled replica (target: replica-N) or all for the step, then SIGCONT"
    public static let requirements: Set<FaultRequirement> = [.bundledReplicas]
    public static let parameterHelp = [
        "(none; target: replica-N, N or all, default replica 1; lasts the step's for:)"
    ]

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: [])
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        let replicas = try ReplicaSelection.replicas(for: Self.name, in: environment)
        let numbers = try ReplicaSelection.numbers(environment.targetSelector, in: replicas)
        var frozen: [(number: Int, identity: ProcessIdentity)] = []
        for number in numbers {
            guard let pid = replicas.processID(ofReplica: number), let identity = ProcessIdentity.of(pid) else { continue }
            frozen.append((number, identity))
        }
        if frozen.isEmpty {
            throw FaultError(
                .failed, "no replica to freeze: replica \(numbers.map(String.init).joined(separator: ", ")) is not running")
        }
        let record = FaultRecord(
            fault: Self.name,
            values: ["processes": frozen.map { "\($0.identity.pid):\($0.identity.startTime)" }.joined(separator: ",")],
            expiresAt: environment.expiresAt)
        // Identities are read before stopping anything, so the record names exactly the processes stopped here.
        for entry in frozen { replicas.send(SIGSTOP, toReplica: entry.number) }
        let numbersFrozen = frozen.map(\.number)
        return FaultUndo(record: record) {
            for number in numbersFrozen { replicas.send(SIGCONT, toReplica: number) }
        }
    }

    /// Sends SIGCONT to each recorded process that is still the same process (pid and start time match).
    public static func revertLeftover(_ record: FaultRecord) async throws(FaultError) {
        for identity in identities(in: record) where identity.isAlive {
            kill(identity.pid, SIGCONT)
        }
    }

    static func identities(in record: FaultRecord) -> [ProcessIdentity] {
        (record.values["processes"] ?? "").split(separator: ",").compactMap { entry in
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let pid = Int32(parts[0]), let start = UInt64(parts[1]) else { return nil }
            return ProcessIdentity(pid: pid, startTime: start)
        }
    }
}
