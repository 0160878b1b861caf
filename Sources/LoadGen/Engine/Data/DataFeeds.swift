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
        var feeds: [String: Feed]
        var sequence: UInt64 = 0
        var exhausted: String?
    }

    private let state: Mutex<State>
    /// Each feed's field names, to turn `{{FEED.FIELD}}` into an index once.
    let fields: [String: [String]]

    /// Reads every feed's file (relative to `baseDirectory`).
    init(_ specs: [DataFeedSpec], baseDirectory: URL) throws(EngineError) {
        var feeds: [String: Feed] = [:]
        var fields: [String: [String]] = [:]
        for spec in specs {
            let path = spec.file.hasPrefix("/") ? spec.file : baseDirectory.appendingPathComponent(spec.file).path
            let data: DataFile
            do {
                data = try DataFile.load(path: path)
            } catch {
                throw EngineError("data feed '\(spec.name)': \(error)")
            }
            let seed: UInt64 = if case .random(let seed) = spec.mode { seed } else { 0 }
            feeds[spec.name] = Feed(spec: spec, rows: data.rows, generator: SplitMix64(seed: seed))
            fields[spec.name] = data.fields
        }
        state = Mutex(State(feeds: feeds))
        self.fields = fields
    }

    /// The next row of `feed`, or nil once a unique feed has none left.
    func next(_ feed: String) -> [String]? {
        state.withLock { state in
            guard var current = state.feeds[feed] else { return nil }
            let row: [String]?
            switch current.spec.mode {
            case .sequential:
                row = current.rows[current.cursor % current.rows.count]
                current.cursor += 1
            case .random:
                row = current.rows[Int(current.generator.next() % UInt64(current.rows.count))]
            case .unique:
                if current.cursor < current.rows.count {
                    row = current.rows[current.cursor]
                    current.cursor += 1
                } else {
                    row = nil
                    state.exhausted =
                        state.exhausted
                        ?? "data feed '\(feed)' ran out after its \(current.rows.count) unique rows (mode: unique)"
                }
            }
            state.feeds[feed] = current
            return row
        }
    }

    /// 1, 2, 3, … for `{{sequence}}`.
    func nextSequence() -> UInt64 {
        state.withLock { state in
            state.sequence += 1
            return state.sequence
        }
    }

    /// Why the load must stop, once a unique feed has run out.
    var exhausted: String? { state.withLock { $0.exhausted } }
}

/// A small, fast, seedable generator (SplitMix64), so `mode: random` with a seed draws the same rows every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
