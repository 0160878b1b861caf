import ArgumentParser
import Foundation
import Reports

/// `loadgen compare A B`: every metric of two stored runs side by side, changes past the margin flagged.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two stored runs (B against baseline A): a terminal table and B's HTML report.",
        discussion: """
            Descriptive only: a change past --margin is flagged but does not fail. Use `loadgen gate` to fail a build \
            on regressions beyond run-to-run noise. Exit codes: 0 compared; 2 usage (unknown run or tag, database \
            file missing); 3 database or output unusable.
            """)

    @Argument(help: ArgumentHelp("The baseline run: an id, 'latest' or a tag.", valueName: "a"))
    var baseline: String

    @Argument(help: ArgumentHelp("The run compared with it.", valueName: "b"))
    var candidate: String

    @Option(
        name: [.short, .customLong("output")], help: "Where to write B's HTML report (default results/compare-<a>-<b>.html).")
    var output: String?

    @Option(help: "Flag changes worse than this, e.g. 10%.")
    var margin: Percentage = Percentage(argument: "10%")!

    @Option(help: "Results database (SQLite).")
    var db: String = "results/loadgen.sqlite"

    func run() throws {
        let store = try StoreAccess.openExisting(db)
        let a = try StoreAccess.resolve(baseline, option: "A", in: store)
        let b = try StoreAccess.resolve(candidate, option: "B", in: store)
        let comparison: RunComparison
        do {
            comparison = try RunComparison.make(store: store, baselineRunID: a, candidateRunID: b, margin: margin.ratio)
        } catch {
            throw CommandFailure.cannotRead("\(error)")
        }
        print(Self.table(comparison), terminator: "")
        let path = output ?? "results/compare-\(a)-\(b).html"
        try StoreAccess.write(try ReportCommand.render(store: store, runID: b, baselineRunID: a), to: path)
        print("report: \(path)")
    }

    static func table(_ comparison: RunComparison) -> String {
        var rows = [["phase", "request", "metric", "baseline", "candidate", "change", ""]]
        for row in comparison.rows {
            let format = { (value: Double) -> String in
                if let beyond = row.metric.beyondRangeText(value) { return beyond }
                return switch row.metric {
                case .errorRate, .checkRate: String(format: "%.2f%%", value * 100)
                case .throughput: String(format: "%.1f/s", value)
                default: String(format: "%.2fms", value / 1000)
                }
            }
            let change =
                row.relativeChange.map { String(format: "%+.1f%%", $0 * 100) } ?? (row.candidate == row.baseline ? "0" : "new")
            rows.append([
                row.phase, row.request, row.metric.rawValue, format(row.baseline), format(row.candidate), change,
                row.isWorse(margin: comparison.margin) ? "WORSE" : "",
            ])
        }
        var text =
            "run \(comparison.candidate.id ?? 0) (\(comparison.candidate.name)) against run \(comparison.baseline.id ?? 0) (\(comparison.baseline.name)), margin \(String(format: "%.1f%%", comparison.margin * 100))\n\n"
        text += TextTable.render(rows)
        if !comparison.unmatched.isEmpty { text += "\nin one run only: \(comparison.unmatched.joined(separator: ", "))\n" }
        text += "\n\(comparison.regressions.count) metric(s) worse than the margin (descriptive; `loadgen gate` judges noise)\n"
        return text
    }
}
