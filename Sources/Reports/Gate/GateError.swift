/// Why two stored runs cannot be gated; every case is a usage problem (exit 2) with the fix in its text.
public struct GateError: Error, CustomStringConvertible, Sendable {
    public let description: String

    static func noHistograms(runID: Int64, path: String) -> GateError {
        GateError(description: """
            Run \(runID) in '\(path)' has no per-second latency histograms (it was stored by an older loadgen), so \
            the gate cannot resample it. Run the scenario again with this loadgen and gate against the new run.
            """)
    }

    static func noCommonPhase(baseline: Int64, candidate: Int64, path: String) -> GateError {
        GateError(description: """
            Runs \(baseline) and \(candidate) in '\(path)' have no phase in common, so there is nothing to compare. \
            Gate two runs of the same scenario (list them with `loadgen runs`).
            """)
    }

    static func sameRun(_ id: Int64) -> GateError {
        GateError(description: "The baseline and the candidate are both run \(id). Pass a different run to --baseline or --candidate.")
    }
}
