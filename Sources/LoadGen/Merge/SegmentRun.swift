import Foundation
import Reports

/// One input of `loadgen merge`: the segment run stored in one results database.
struct SegmentRun {
    let path: String
    let store: ResultsStore
    let run: RunRecord
    let segment: ExecutionSegment

    /// The result databases `inputs` name: files as given, directories by their `*.sqlite` files.
    static func databases(in inputs: [String]) throws(MergeError) -> [String] {
        var paths: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw .unreadable("\(input): no such file or directory")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
                let directory = URL(fileURLWithPath: input)
                paths += names.filter { $0.hasSuffix(".sqlite") }.sorted().map { directory.appendingPathComponent($0).path }
            } else {
                paths.append(input)
            }
        }
        guard !paths.isEmpty else { throw .invalid("no result databases (*.sqlite) in \(inputs.joined(separator: ", "))") }
        return paths
    }

    /// The latest segment run of the database at `path`.
    static func load(path: String) throws(MergeError) -> SegmentRun {
        let store: ResultsStore
        do {
            store = try ResultsStore.open(path: path)
        } catch {
            throw .unreadable("\(path): \(error)")
        }
        let runs: [RunRecord]
        do {
            runs = try store.runs(limit: 1000)
        } catch {
            throw .unreadable("\(path): \(error)")
        }
        guard let run = runs.first(where: { $0.segment != nil }), let text = run.segment else {
            throw .invalid("\(path) holds no segment run: run each part with loadgen run --segment K/N")
        }
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, let segment = try? ExecutionSegment(index: parts[0], count: parts[1]) else {
            throw .invalid("\(path): run \(run.id ?? 0) has an unreadable segment '\(text)'")
        }
        return SegmentRun(path: path, store: store, run: run, segment: segment)
    }
}

/// Why `loadgen merge` refused or failed: `invalid` inputs exit 2, `unreadable` ones 3.
enum MergeError: Error, CustomStringConvertible {
    case invalid(String)
    case unreadable(String)

    var description: String {
        switch self {
        case .invalid(let why), .unreadable(let why): why
        }
    }
}
