import Foundation
import Synchronization

/// The run's data feeds, loaded once and shared by every event loop: each call of `next` hands out one row of a
/// feed by its mode (sequential, seeded random, unique). A unique feed that runs out is remembered, so the run can
/// stop and say so (`exhausted`).
final class DataFeeds: Sendable {
    private struct Feed {
        var spec: DataFeedSpec
        var rows: [[String]]
        var cursor = 0
        var generator: SplitMix64
    }

    private struct State {
        var feeds: [Feed]
        var exhausted: String?
    }

    private let state: Mutex<State>
    private let sequence = Atomic<UInt64>(0)
    /// Each feed's field names, to turn `{{FEED.FIELD}}` into an index once.
    let fields: [String: [String]]
    /// Each feed's position, so a request draws by index rather than by name.
    let indices: [String: Int]

    /// Reads every feed's file (relative to `baseDirectory`).
    init(_ specs: [DataFeedSpec], baseDirectory: URL) throws(EngineError) {
        var feeds: [Feed] = []
        var fields: [String: [String]] = [:]
        var indices: [String: Int] = [:]
        for spec in specs {
            let path = spec.file.hasPrefix("/") ? spec.file : baseDirectory.appendingPathComponent(spec.file).path
            let data: DataFile
            do {
                data = try DataFile.load(path: path)
            } catch {
                throw EngineError("data feed '\(spec.name)': \(error)")
            }
            let seed: UInt64 = if case .random(let seed) = spec.mode { seed } else { 0 }
            indices[spec.name] = feeds.count
            feeds.append(Feed(spec: spec, rows: data.rows, generator: SplitMix64(seed: seed)))
            fields[spec.name] = data.fields
        }
        state = Mutex(State(feeds: feeds))
        self.fields = fields
        self.indices = indices
    }

    /// The next row of the feed at `index` (see `indices`), or nil once a unique feed has none left.
    func next(_ index: Int) -> [String]? {
        state.withLock { state in
            let rows = state.feeds[index].rows
            switch state.feeds[index].spec.mode {
            case .sequential:
                defer { state.feeds[index].cursor += 1 }
                return rows[state.feeds[index].cursor % rows.count]
            case .random:
                return rows[Int(state.feeds[index].generator.next() % UInt64(rows.count))]
            case .unique:
                let cursor = state.feeds[index].cursor
                guard cursor < rows.count else {
                    let name = state.feeds[index].spec.name
                    state.exhausted =
                        state.exhausted ?? "data feed '\(name)' ran out after its \(rows.count) unique rows (mode: unique)"
                    return nil
                }
                state.feeds[index].cursor += 1
                return rows[cursor]
            }
        }
    }

    /// 1, 2, 3, … for `{{sequence}}`.
    func nextSequence() -> UInt64 {
        sequence.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// Why the load must stop, once a unique feed has run out.
    var exhausted: String? { state.withLock { $0.exhausted } }
}
