import ArgumentParser

/// Where a stored run goes and what is written from it: what `loadgen run` and `loadgen merge` share.
struct RunOutputOptions: ParsableArguments {
    @Option(help: "Results database (SQLite).")
    var db: String = "results/loadgen.sqlite"

    @Option(help: "Write a self-contained HTML report to this file.")
    var report: String?

    @Option(help: "Write a JSON summary (docs/results.md) to this file.")
    var json: String?

    @Option(help: "Write the SLA thresholds as JUnit XML (docs/results.md) to this file.")
    var junit: String?
}
