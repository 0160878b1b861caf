/// Why two stored runs cannot be gated; every case is a usage problem (exit 2) with the fix in its text.
public struct GateError: Error, CustomStringConvertible, Sendable {
    public let description: String

    static func noHistograms(runID: Int64, path: String) -> GateError {
        GateError(
            description: """
                Run \(runID) in '\(path)' has no per-second latency histograms (it was stored by an older loadgen), so \
                the gate cannot resample it. Run the scenario again with this loadgen and gate against the new run.
                """)
    }

    static func noCommonPhase(baseline: Int64, candidate: Int64, path: String) -> GateError {
        GateError(
            description: """
                Runs \(baseline) and \(candidate) in '\(path)' have no phase in common, so there is nothing to compare. \
                Gate two runs of the same scenario (list them with `loadgen runs`).
                """)
    }

    static func sameRun(_ id: Int64) -> GateError {
        GateError(
            description: "The baseline and the candidate are both run \(id). Pass a different run to --baseline or --candidate.")
    }

    static func differentLoad(_ differences: String) -> GateError {
        GateError(
            description: """
                The runs applied different load, so a change between them says nothing about the build:
                \(differences)
                Compare runs of one scenario at one --duration-scale, or pass --allow-different to judge them anyway.
                """)
    }

    static func tooFewRounds(_ count: Int) -> GateError {
        GateError(
            description: "An interleaved gate needs at least 2 rounds with both sides measured (got \(count)); run more rounds.")
    }
}
