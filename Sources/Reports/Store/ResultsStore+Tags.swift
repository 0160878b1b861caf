import Foundation
import GRDB

/// Named runs: `loadgen tag RUN NAME` points a name at a run so gates and comparisons can say `--baseline good`
/// instead of a number. A name points at one run; tagging again moves it (and says from where).
extension ResultsStore {
    /// Points `name` at `runID`. Returns the run the name pointed at before, if it moved.
    @discardableResult
    public func tag(runID: Int64, name: String) throws -> Int64? {
        guard Self.isValidTagName(name) else {
            throw ResultsStoreError(kind: .invalidTagName, path: path, detail: "'\(name)'")
        }
        return try pool.write { db in
            guard try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE id = ?", arguments: [runID]) != nil else {
                throw ResultsStoreError(kind: .unknownRun, path: path, detail: "with id \(runID)")
            }
            let previous = try Int64.fetchOne(db, sql: "SELECT run_id FROM tags WHERE name = ?", arguments: [name])
            try db.execute(
                sql: "INSERT INTO tags (name, run_id, tagged_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET run_id = excluded.run_id, tagged_at = excluded.tagged_at",
                arguments: [name, runID, Date()])
            return previous == runID ? nil : previous
        }
    }

    /// The run a tag points at, or nil.
    public func runID(forTag name: String) throws -> Int64? {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT run_id FROM tags WHERE name = ?", arguments: [name]) }
    }

    /// Every tag by run, names sorted.
    public func tagsByRun() throws -> [Int64: [String]] {
        try pool.read { db in
            var result: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT run_id, name FROM tags ORDER BY name") {
                result[row["run_id"], default: []].append(row["name"])
            }
            return result
        }
    }

    /// Resolves what a user typed for a run: an id, `latest`, or a tag name. The error lists how to find runs.
    public func resolveRun(_ reference: String) throws -> Int64 {
        if reference == "latest" {
            guard let id = try latestRunID() else {
                throw ResultsStoreError(kind: .unknownRun, path: path, detail: "yet ('latest' needs at least one stored run; start one with `loadgen run FILE`)")
            }
            return id
        }
        if let id = Int64(reference) {
            guard try run(id: id) != nil else { throw ResultsStoreError(kind: .unknownRun, path: path, detail: "with id \(id)") }
            return id
        }
        if let id = try runID(forTag: reference) { return id }
        throw ResultsStoreError(kind: .unknownRun, path: path, detail: "or tag named '\(reference)' (a run is its id, 'latest' or a tag)")
    }

    static func isValidTagName(_ name: String) -> Bool {
        guard (1...64).contains(name.count), name != "latest", let first = name.unicodeScalars.first,
            !("0"..."9").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }
}
