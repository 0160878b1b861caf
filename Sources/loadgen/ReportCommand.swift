import ArgumentParser
import Foundation
import Reports

/// `loadgen report RUN`: re-renders the HTML report of any stored run.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the HTML report of a stored run.",
        discussion: "Exit codes: 0 written; 2 usage (unknown run or tag, database file missing); 3 database or output unusable.")

    @Argument(help: ArgumentHelp("The run: an id, 'latest' or a tag.", valueName: "run"))
    var runReference: String = "latest"

    @Option(name: [.short, .customLong("output")], help: "Where to write the report (default results/run-<id>.html).")
    var output: String?

    @Option(help: "A run (id, 'latest' or tag) to compare against in the report.")
    var baseline: String?

    @Option(help: "Results database (SQLite).")
    var db: String = "results/loadgen.sqlite"

    func run() throws {
        let store = try StoreAccess.openExisting(db)
        let id = try StoreAccess.resolve(runReference, option: "RUN", in: store)
        let baselineID = try baseline.map { try StoreAccess.resolve($0, option: "--baseline", in: store) }
        let path = output ?? "results/run-\(id).html"
        try StoreAccess.write(try Self.render(store: store, runID: id, baselineRunID: baselineID), to: path)
        print(path)
    }

    /// The report of `runID`, compared with `baselineRunID` when given.
    static func render(store: ResultsStore, runID: Int64, baselineRunID: Int64?) throws -> String {
        do {
            return try HTMLReport.render(store: store, runID: runID, baselineRunID: baselineRunID)
        } catch {
            throw CommandFailure.cannotRead("Cannot render run \(runID) from '\(store.path)': \(error)")
        }
    }
}
