import Foundation
import Histogram
import Reports

/// `loadgen merge`: the runs of the N segments of one split scenario become one stored run — histograms merged
/// exactly per second, phase and request, counts summed, events kept with their segment, the SLAs judged on the
/// whole — so `report`, `compare`, `tag` and `gate` work on it like on any run.
struct SegmentMerge {
    let inputs: [SegmentRun]
    /// How many segments the scenario was split into.
    let count: Int
    /// Segments of `0..<count` with no input (only with `--partial`).
    let missing: [Int]

    /// Checks that `inputs` are segments of one split run: same scenario, same N, each segment once, none missing
    /// unless `partial`.
    init(_ inputs: [SegmentRun], partial: Bool) throws(MergeError) {
        guard let first = inputs.first else { throw .invalid("nothing to merge") }
        for input in inputs where input.run.scenarioText != first.run.scenarioText || input.run.name != first.run.name {
            throw .invalid(
                "\(input.path) ran scenario '\(input.run.name)' and \(first.path) '\(first.run.name)' (or another version of it): only the segments of one scenario merge"
            )
        }
        for input in inputs where input.segment.count != first.segment.count {
            throw .invalid(
                "\(input.path) is segment \(input.segment) and \(first.path) segment \(first.segment): the inputs must split the scenario the same way"
            )
        }
        var seen: [Int: String] = [:]
        for input in inputs {
            if let other = seen[input.segment.index] {
                throw .invalid("segment \(input.segment) is in both \(other) and \(input.path): give each segment once")
            }
            seen[input.segment.index] = input.path
        }
        let count = first.segment.count
        let missing = (0..<count).filter { seen[$0] == nil }
        if !missing.isEmpty, !partial {
            throw .invalid(
                "segment(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) missing; merge them too, or pass --partial to store a run marked partial"
            )
        }
        self.count = count
        self.missing = missing
        self.inputs = inputs.sorted { $0.segment.index < $1.segment.index }
    }

    /// The inputs' seconds merged: one row per second and phase, counts summed and histograms added.
    func mergedSeconds() throws -> [SecondRecord] {
        var groups: [String: [SecondRecord]] = [:]
        var order: [(Int, String)] = []
        for input in inputs {
            for second in try input.store.seconds(runID: input.run.id ?? 0) {
                let key = "\(second.second)\u{0}\(second.phase)"
                if groups[key] == nil { order.append((second.second, second.phase)) }
                groups[key, default: []].append(second)
            }
        }
        return try order.sorted { $0.0 < $1.0 }.map { second, phase in
            try Self.merge(groups["\(second)\u{0}\(phase)"]!)
        }
    }

    static func merge(_ rows: [SecondRecord]) throws -> SecondRecord {
        var latency = LatencyHistogram.make()
        var uncorrected = LatencyHistogram.make()
        var attempts = LatencyHistogram.make()
        var uncorrectedP99 = Int64(0)
        for row in rows {
            if let data = row.latencyHistogram { latency.add(try HistogramCodec.decode(data)) }
            if let data = row.attemptsHistogram { attempts.add(try HistogramCodec.decode(data)) }
            if let data = row.uncorrectedHistogram {
                uncorrected.add(try HistogramCodec.decode(data))
            } else {
                // Seconds stored before v7 kept only this figure: the highest of the inputs bounds the merged one.
                uncorrectedP99 = max(uncorrectedP99, row.uncorrectedP99Us)
            }
        }
        return StoreRecords.second(
            rows[0].second, phase: rows[0].phase,
            counts: (
                rows.map(\.sent).reduce(0, +), rows.map(\.completed).reduce(0, +), rows.map(\.errors).reduce(0, +),
                rows.map(\.dropped).reduce(0, +), rows.reduce(into: [:]) { $0.merge($1.errorsByCode, uniquingKeysWith: +) }
            ),
            latency: latency, uncorrected: uncorrected, attempts: attempts,
            connections: rows.map(\.connections).reduce(0, +), users: rows.map(\.users).reduce(0, +),
            modelVersions: rows.reduce(into: [:]) { $0.merge($1.modelVersions, uniquingKeysWith: +) },
            uncorrectedP99Fallback: uncorrectedP99)
    }

    /// Every phase × request of the inputs, merged (`RequestStats.merge`), in the first input's order.
    func mergedRequestStats() throws -> [(phase: String, request: String, stats: RequestStats)] {
        var merged: [String: (phase: String, request: String, stats: RequestStats)] = [:]
        var order: [String] = []
        for input in inputs {
            for record in try input.store.requestStats(runID: input.run.id ?? 0) {
                let key = "\(record.phase)\u{0}\(record.request)"
                if merged[key] == nil {
                    order.append(key)
                    merged[key] = (record.phase, record.request, RequestStats())
                }
                merged[key]!.stats.merge(try RequestStats(record))
            }
        }
        return order.map { merged[$0]! }
    }

    /// Every phase, from its earliest start to its latest end over the inputs.
    func mergedPhases() throws -> [PhaseRecord] {
        var phases: [Int: PhaseRecord] = [:]
        for input in inputs {
            for phase in try input.store.phases(runID: input.run.id ?? 0) {
                guard var known = phases[phase.index] else {
                    phases[phase.index] = phase
                    continue
                }
                known.startedAtMs = min(known.startedAtMs, phase.startedAtMs)
                if let end = phase.endedAtMs { known.endedAtMs = max(known.endedAtMs ?? end, end) }
                phases[phase.index] = known
            }
        }
        return phases.keys.sorted().map { phases[$0]! }
    }

    /// Error rows merged by phase, request and code: counts summed, the first distinct samples kept.
    func mergedErrors() throws -> [ErrorSampleRecord] {
        var merged: [String: ErrorSampleRecord] = [:]
        var order: [String] = []
        for input in inputs {
            for row in try input.store.errorSamples(runID: input.run.id ?? 0) {
                let key = "\(row.phase)\u{0}\(row.request)\u{0}\(row.code)"
                guard var known = merged[key] else {
                    order.append(key)
                    merged[key] = row
                    continue
                }
                known.count += row.count
                for sample in row.samples
                where known.samples.count < ErrorSampleRecord.maxSamples && !known.samples.contains(sample) {
                    known.samples.append(sample)
                }
                merged[key] = known
            }
        }
        return order.map { merged[$0]! }
    }

    /// Every input's events with the segment that recorded them, and one `segment` event per input: what it sent,
    /// how many failed, its send lag and start lateness — a slow generator shows there.
    func mergedEvents() throws -> [EventRecord] {
        var events: [EventRecord] = []
        for input in inputs {
            let own = try input.store.events(runID: input.run.id ?? 0)
            for var event in own {
                event.detail["segment"] = "\(input.segment)"
                events.append(event)
            }
            let stats = try input.store.requestStats(runID: input.run.id ?? 0)
            var detail = [
                "sent": "\(stats.map(\.sent).reduce(0, +))", "errors": "\(stats.map(\.errors).reduce(0, +))",
                "host": input.run.host, "database": input.path, "status": input.run.status.rawValue,
            ]
            if let lag = own.first(where: { $0.kind == "engine" && $0.name == "send_lag" }) {
                detail["send_lag_p99_ms"] = lag.detail["p99_ms"]
            }
            if let start = own.first(where: { $0.kind == "run" && $0.name == "start" }) {
                detail["late_ms"] = start.detail["late_ms"]
            }
            events.append(
                EventRecord(
                    atMs: 0, kind: "segment", name: "\(input.segment)", detail: detail, outcome: input.run.status.rawValue))
        }
        return events.sorted { $0.atMs < $1.atMs }
    }

    /// The whole run's load fingerprint: segment 0's without its `segment` line.
    var loadFingerprint: String? {
        inputs[0].run.loadFingerprint.map { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("segment ") }.joined(
                separator: "\n")
        }
    }
}
