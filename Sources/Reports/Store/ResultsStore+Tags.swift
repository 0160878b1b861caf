import Foundation
import GRDB

/// Named runs: `loadgen tag RUN NAME` points a name at a run so gates and comparisons can say `--baseline good`
/// instead of a number; `loadgen tag RUN NAME --add` adds the run to the name's set instead, so a gate can read the
/// set's last runs as a baseline history. Where one run is meant, a tag stands for the run added last.
extension ResultsStore {
    /// Points `name` at `runID` alone (the set becomes that one run). Returns the run the name pointed at before,
    /// if that changed.
    @discardableResult
    public func tag(runID: Int64, name: String) throws -> Int64? {
        try checkTaggable(runID: runID, name: name)
        return try pool.write { db in
            let previous = try Self.newestRun(tagged: name, in: db)
            try db.execute(sql: "DELETE FROM tag_runs WHERE name = ?", arguments: [name])
            try db.execute(
                sql: "INSERT INTO tag_runs (name, run_id, tagged_at) VALUES (?, ?, ?)", arguments: [name, runID, Date()])
            return previous == runID ? nil : previous
        }
    }

    /// Adds `runID` to the set `name` names (creating it); adding a member again makes it the newest. Returns the
    /// set's size afterwards.
    @discardableResult
    public func addToTag(runID: Int64, name: String) throws -> Int {
        try checkTaggable(runID: runID, name: name)
        return try pool.write { db in
            // Deleted and inserted again rather than updated, so the row gets a new rowid: rowid order is the order runs
            // were added in, which timestamps cannot give (two adds within one millisecond tie).
            try db.execute(sql: "DELETE FROM tag_runs WHERE name = ? AND run_id = ?", arguments: [name, runID])
            try db.execute(
                sql: "INSERT INTO tag_runs (name, run_id, tagged_at) VALUES (?, ?, ?)", arguments: [name, runID, Date()])
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tag_runs WHERE name = ?", arguments: [name]) ?? 0
        }
    }

    /// The run a tag stands for where one run is meant: the one added last. Nil for an unknown tag.
    public func runID(forTag name: String) throws -> Int64? {
        try pool.read { db in try Self.newestRun(tagged: name, in: db) }
    }

    /// The last `limit` runs of a tag's set, oldest first (the order they were added in). Empty for an unknown tag.
    public func runIDs(forTag name: String, limit: Int) throws -> [Int64] {
        try pool.read { db in
            try Int64.fetchAll(
                db, sql: "SELECT run_id FROM tag_runs WHERE name = ? ORDER BY rowid DESC LIMIT ?",
                arguments: [name, max(0, limit)]
            ).reversed()
        }
    }

    /// Every tag by run, names sorted.
    public func tagsByRun() throws -> [Int64: [String]] {
        try pool.read { db in
            var result: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT run_id, name FROM tag_runs ORDER BY name") {
                result[row["run_id"], default: []].append(row["name"])
            }
            return result
        }
    }

    private func checkTaggable(runID: Int64, name: String) throws {
        guard Self.isValidTagName(name) else {
            throw ResultsStoreError(kind: .invalidTagName, path: path, detail: "'\(name)'")
        }
        guard try run(id: runID) != nil else {
            throw ResultsStoreError(kind: .unknownRun, path: path, detail: "with id \(runID)")
        }
    }

    private static func newestRun(tagged name: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT run_id FROM tag_runs WHERE name = ? ORDER BY rowid DESC LIMIT 1", arguments: [name])
    }

    /// Resolves what a user typed for a run: an id, `latest`, or a tag name. The error lists how to find runs.
    public func resolveRun(_ reference: String) throws -> Int64 {
        if reference == "latest" {
            guard let id = try latestRunID() else {
                throw ResultsStoreError(
                    kind: .unknownRun, path: path,
                    detail: "yet ('latest' needs at least one stored run; start one with `loadgen run FILE`)")
            }
            return id
        }
        if let id = Int64(reference) {
            guard try run(id: id) != nil else { throw ResultsStoreError(kind: .unknownRun, path: path, detail: "with id \(id)") }
            return id
        }
        if let id = try runID(forTag: reference) { return id }
        throw ResultsStoreError(
            kind: .unknownRun, path: path, detail: "or tag named '\(reference)' (a run is its id, 'latest' or a tag)")
    }

    /// Letters, digits, `.`, `_`, `-`; 1–64 characters; not starting with a digit; not `latest`.
    public static func isValidTagName(_ name: String) -> Bool {
        guard (1...64).contains(name.count), name != "latest", let first = name.unicodeScalars.first,
            !("0"..."9").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
        }
    }
}
