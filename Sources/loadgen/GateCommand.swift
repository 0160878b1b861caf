import ArgumentParser
import Foundation
import Reports

/// `loadgen gate`: fails when a candidate run regressed against a baseline beyond the margin and beyond noise.
struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Fail (exit 1) if a run's latency, error rate or check rate regressed against a baseline beyond noise.",
        discussion: """
            Judges p50, p90, p95, p99, the p99 of all attempts, the error rate and the check rate of every phase the \
            runs share. A baseline tag that names several runs (`loadgen tag RUN NAME --add`) is a history: its \
            last --baseline-runs runs show the noise between runs, and a metric fails only beyond both the margin \
            and that noise. A candidate tag with --candidate-runs N judges the mean of its last N runs, which \
            narrows the noise band as far as the runs' noise averages out. A single baseline run is judged by a \
            block bootstrap over its seconds, which cannot see drift between runs (docs/results.md, "Regression gate"). Exit codes: 0 no regression; 1 regression; \
            2 usage (unknown run or tag, bad percentage, runs of different load, runs without per-second \
            histograms, database file missing); 3 database cannot be opened.
            """)

    @Option(help: "The run or runs to compare against: an id, 'latest', or a tag (its last --baseline-runs runs).")
    var baseline: String

    @Option(name: .customLong("baseline-runs"), help: "How many of a baseline tag's most recent runs form the history.")
    var baselineRuns: Int = 5

    @Option(help: "The run judged: an id, 'latest' or a tag (its last --candidate-runs runs).")
    var candidate: String = "latest"

    @Option(
        name: .customLong("candidate-runs"),
        help: "How many of a candidate tag's most recent runs are judged together (their mean against the history).")
    var candidateRuns: Int = 1

    @Option(help: "Results database (SQLite).")
    var db: String = "results/loadgen.sqlite"

    @OptionGroup var gate: GateOptions

    func validate() throws {
        guard baselineRuns >= 1 else {
            throw ValidationError("--baseline-runs must be at least 1 (got \(baselineRuns)); 5 is the default history")
        }
        guard candidateRuns >= 1 else {
            throw ValidationError("--candidate-runs must be at least 1 (got \(candidateRuns)); 1 judges the latest run alone")
        }
    }

    func run() throws {
        let store = try StoreAccess.openExisting(db)
        let baselineIDs = try StoreAccess.resolveSet(baseline, limit: baselineRuns, option: "--baseline", in: store)
        let candidateIDs = try StoreAccess.resolveSet(candidate, limit: candidateRuns, option: "--candidate", in: store)
        if candidateIDs.count < candidateRuns {
            throw CommandFailure.usage(
                "--candidate-runs \(candidateRuns): --candidate '\(candidate)' names \(candidateIDs.count) run(s); give it a tag with at least \(candidateRuns) runs (`loadgen tag RUN NAME --add` after each candidate run), or fewer --candidate-runs"
            )
        }
        let report = try gate.judge {
            try GateReport(
                store: store, baselineRunIDs: baselineIDs, candidateRunIDs: candidateIDs, settings: gate.settings,
                allowDifferentLoad: gate.allowDifferent)
        }
        try gate.publish(report)
    }
}
