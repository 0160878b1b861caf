import ArgumentParser
import Foundation
import Reports

/// `loadgen gate`: fails when a candidate run regressed against a baseline beyond the margin and beyond noise.
struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Fail (exit 1) if a run's latency or error rate regressed against a baseline beyond noise.",
        discussion: """
            Judges p50, p90, p95, p99 and the error rate of every phase both runs have, with a seeded block \
            bootstrap over the runs' seconds (docs/results.md, "Regression gate"). Exit codes: 0 no regression; \
            1 regression; 2 usage (unknown run or tag, bad percentage, runs without per-second histograms, \
            database file missing); 3 database cannot be opened.
            """)

    @Option(help: "The run to compare against: an id, 'latest' or a tag.")
    var baseline: String

    @Option(help: "The run judged: an id, 'latest' or a tag.")
    var candidate: String = "latest"

    @Option(name: .customLong("max-regression"), help: "Tolerated worsening, e.g. 10%.")
    var maxRegression: Percentage = Percentage(argument: "10%")!

    @Option(name: .customLong("min-error-rate-change"), help: "The smallest error-rate rise that can fail, in percentage points, e.g. 0.5%.")
    var minErrorRateChange: Percentage = Percentage(argument: "0.5%")!

    @Option(help: "Results database (SQLite).")
    var db: String = "results/loadgen.sqlite"

    @Option(help: "Write the gate result as JSON to this file.")
    var json: String?

    @Option(help: "Write one JUnit test case per judged metric to this file.")
    var junit: String?

    func run() throws {
        let store = try StoreAccess.openExisting(db)
        let baselineID = try StoreAccess.resolve(baseline, option: "--baseline", in: store)
        let candidateID = try StoreAccess.resolve(candidate, option: "--candidate", in: store)
        let settings = GateSettings(margin: maxRegression.ratio, errorRateFloor: minErrorRateChange.ratio)
        let report: GateReport
        do {
            report = try GateReport(store: store, baselineRunID: baselineID, candidateRunID: candidateID, settings: settings)
        } catch let error as GateError {
            throw CommandFailure.usage("\(error)")
        } catch {
            throw CommandFailure.cannotRead("\(error)")
        }
        print(report.table(), terminator: "")
        if let json {
            let data = try report.encoded()
            try StoreAccess.write(String(decoding: data, as: UTF8.self), to: json)
        }
        if let junit {
            try StoreAccess.write(JUnitDocument(gate: report).render(), to: junit)
        }
        if !report.passed { throw ExitCode(1) }
    }
}
