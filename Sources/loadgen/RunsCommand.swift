import ArgumentParser
import Foundation
import Reports

/// `loadgen runs`: the stored runs, most recent first.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List stored runs, most recent first.",
        discussion: "Exit codes: 0 listed; 2 usage (database file missing); 3 database cannot be opened.")

    @Option(help: "Results database (SQLite).")
    var db: String = "results/loadgen.sqlite"

    @Option(help: "Show at most this many runs.")
    var limit: Int = 20

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1 (got \(limit))") }
    }

    func run() throws {
        let store = try StoreAccess.openExisting(db)
        let runs: [RunRecord]
        let tags: [Int64: [String]]
        do {
            runs = try store.runs(limit: limit)
            tags = try store.tagsByRun()
        } catch {
            throw CommandFailure.cannotRead("\(error)")
        }
        guard !runs.isEmpty else {
            print("No runs in \(db) yet. Start one with `loadgen run FILE.yaml --db \(db)`.")
            return
        }
        print(Self.table(runs, tags: tags), terminator: "")
    }

    static func table(_ runs: [RunRecord], tags: [Int64: [String]]) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var rows = [["id", "tags", "name", "status", "started", "duration", "target", "exit"]]
        for run in runs {
            let id = run.id ?? 0
            let duration = run.endedAt.map { String(format: "%.1fs", $0.timeIntervalSince(run.startedAt)) } ?? "—"
            rows.append([
                "\(id)", tags[id]?.joined(separator: ",") ?? "", run.name, run.status.rawValue,
                formatter.string(from: run.startedAt), duration, run.target, run.exitCode.map(String.init) ?? "—",
            ])
        }
        return TextTable.render(rows)
    }
}
