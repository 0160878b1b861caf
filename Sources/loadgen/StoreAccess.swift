import Foundation
import Reports

/// How the read commands (runs, report, compare, tag, gate) open the results database and name runs in it.
enum StoreAccess {
    /// Opens an existing database; a missing file is a usage error (nothing is created), anything else exit 3.
    static func openExisting(_ path: String) throws -> ResultsStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure.usage(
                """
                Results database '\(path)' does not exist. Pass the file `loadgen run` wrote with --db PATH, or \
                create one by running a scenario: `loadgen run scenarios/baseline.yaml --db \(path)`.
                """)
        }
        do {
            return try ResultsStore.open(path: path)
        } catch {
            throw CommandFailure.cannotRead("\(error)")
        }
    }

    /// A run id from an id, `latest` or a tag; an unknown one is a usage error naming the option it came from.
    static func resolve(_ reference: String, option: String, in store: ResultsStore) throws -> Int64 {
        do {
            return try store.resolveRun(reference)
        } catch let error as ResultsStoreError where error.kind == .unknownRun {
            throw CommandFailure.usage("\(option) '\(reference)': \(error)")
        } catch {
            throw CommandFailure.cannotRead("\(error)")
        }
    }

    /// The runs a baseline reference stands for: a tag's last `limit` runs (its history, oldest first), or one run.
    static func resolveSet(_ reference: String, limit: Int, option: String, in store: ResultsStore) throws -> [Int64] {
        if reference != "latest", Int64(reference) == nil {
            let members = (try? store.runIDs(forTag: reference, limit: limit)) ?? []
            if !members.isEmpty { return members }
        }
        return [try resolve(reference, option: option, in: store)]
    }

    /// Writes `text` to `path`, creating its directory.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure.cannotRead("Cannot write '\(path)': \(error.localizedDescription). Choose a writable path.")
        }
    }
}
