/// Which bundled replicas a server or disk fault acts on, from the step's `target:` (`replica-2`, `2`, `all`;
/// none means replica 1).
enum ReplicaSelection {
    /// The 1-based replica numbers `selector` names, checked against `replicas`.
    static func numbers(_ selector: String?, in replicas: any ReplicaControl) throws(FaultError) -> [Int] {
        let count = replicas.replicaCount
        guard let selector = selector?.trimmingCharacters(in: .whitespaces).lowercased(), !selector.isEmpty else {
            return [1]
        }
        if selector == "all" { return Array(1...max(count, 1)) }
        let digits = selector.hasPrefix("replica-") ? String(selector.dropFirst("replica-".count)) : selector
        guard let number = Int(digits) else {
            throw FaultError(
                .invalidParameter, "target '\(selector)' names no replica; write replica-N (1...\(count)), N, or all")
        }
        guard (1...count).contains(number) else {
            throw FaultError(
                .invalidParameter,
                "target '\(selector)': there \(count == 1 ? "is 1 replica" : "are \(count) replicas"); use 1...\(count) or all")
        }
        return [number]
    }

    /// The run's replicas, or `unsupported` naming the fault that needs them.
    static func replicas(for fault: String, in environment: FaultEnvironment) throws(FaultError) -> any ReplicaControl {
        guard let replicas = environment.replicas else {
            throw FaultError(
                .unsupported,
                """
                '\(fault)' acts on the bundled replicas loadgen starts, and this run's target is not bundled. \
                Use 'target: { bundled: ... }' to run it.
                """)
        }
        return replicas
    }
}
