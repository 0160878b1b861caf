/// Collects every measurement of one event loop's share of the load. Confined to that loop, so it needs no locks;
/// the engine merges the recorders of all loops when the runner asks.
final class Recorder {
    private let phaseNames: [String]
    private let requestNames: [String]
    /// Set when the engine starts, before anything is recorded.
    var runStart: UInt64 = 0
    /// Phase × request cells, flattened: `phase * requestCount + request`.
    private(set) var cells: [RequestStats]
    /// The second being filled, and the finished ones the runner has not taken yet. Every timestamp a loop records
    /// is "now" on a monotonic clock, so seconds only move forward and one open bucket is enough — and the hot
    /// path mutates it in place instead of copying its histogram out of a dictionary.
    private var current: SecondBucket
    private var finished: [SecondBucket] = []
    private(set) var samples = ErrorSamples()
    /// Open model: how late each request went out after its intended time (µs). The engine's own accuracy.
    private(set) var sendLag = RequestStats.makeHistogram()

    init(phaseNames: [String], requestNames: [String]) {
        self.phaseNames = phaseNames
        self.requestNames = requestNames
        cells = Array(repeating: RequestStats(), count: max(1, phaseNames.count * requestNames.count))
        current = SecondBucket(second: 0)
    }

    /// Rolls the open bucket forward when `time` falls in a later second.
    @inline(__always) private func roll(to time: UInt64) {
        let index = second(of: time)
        if index > current.second {
            let done = current
            current = SecondBucket(second: index)
            finished.append(done)
        }
    }

    private func cell(_ phase: Int, _ request: Int) -> Int { phase * requestNames.count + request }

    private func second(of time: UInt64) -> Int { time > runStart ? Int((time - runStart) / 1_000_000_000) : 0 }

    func recordSent(phase: Int, request: Int, at time: UInt64) {
        cells[cell(phase, request)].sent += 1
        roll(to: time)
        current.sent += 1
    }

    /// A complete response; `code` is nil when its status was accepted, `check_failed` when a check failed (still a
    /// successful response for latency), a status error code otherwise.
    func recordResponse(
        phase: Int, request: Int, intended: UInt64, sent: UInt64, finished: UInt64, code: ErrorCode?, checked: Bool,
        version: String? = nil
    ) {
        let index = cell(phase, request)
        let correctedMicros = (finished &- min(intended, finished)) / 1_000
        let uncorrectedMicros = (finished &- min(sent, finished)) / 1_000
        let succeeded = code == nil || code == .checkFailed
        cells[index].completed += 1
        roll(to: finished)
        current.completed += 1
        var clamped = LatencyHistogram.record(correctedMicros, in: &cells[index].attempts)
        LatencyHistogram.record(correctedMicros, in: &current.attemptsLatency)
        if succeeded {
            LatencyHistogram.record(correctedMicros, in: &cells[index].corrected)
            LatencyHistogram.record(uncorrectedMicros, in: &cells[index].uncorrected)
            LatencyHistogram.record(correctedMicros, in: &current.latency)
            LatencyHistogram.record(uncorrectedMicros, in: &current.uncorrectedLatency)
        } else {
            LatencyHistogram.record(correctedMicros, in: &cells[index].errorStatusLatency)
        }
        clamped = clamped || uncorrectedMicros > LatencyHistogram.highestMicroseconds
        if clamped { cells[index].clampedLatencies += 1 }
        if checked {
            if code == .checkFailed { cells[index].checksFailed += 1 } else { cells[index].checksPassed += 1 }
        }
        if let version { current.versions[version, default: VersionSighting()].add(sent: sent, finished: finished) }
        if let code {
            cells[index].errors[code, default: 0] += 1
            current.errors[code, default: 0] += 1
        }
    }

    /// A request that got no response (transport error, timeout; latency from `intended` to `time`) or never went
    /// out (dropped: beyond every latency, at the top of the range).
    func recordFailure(phase: Int, request: Int, code: ErrorCode, intended: UInt64, at time: UInt64, message: String?) {
        let index = cell(phase, request)
        cells[index].errors[code, default: 0] += 1
        roll(to: time)
        current.errors[code, default: 0] += 1
        let micros = code == .dropped ? LatencyHistogram.highestMicroseconds : (time &- min(intended, time)) / 1_000
        if LatencyHistogram.record(micros, in: &cells[index].attempts) { cells[index].clampedLatencies += 1 }
        LatencyHistogram.record(micros, in: &current.attemptsLatency)
        if code != .dropped { LatencyHistogram.record(micros, in: &cells[index].noResponseLatency) }
        if let message { recordSample(phase: phase, request: request, code: code, message: message) }
    }

    /// A request lost to a server's idle close before the server received it, sent again (`RaceWithIdleClose`).
    func recordRetry(phase: Int, request: Int) {
        cells[cell(phase, request)].retried += 1
    }

    func recordSample(phase: Int, request: Int, code: ErrorCode, message: String) {
        samples.add(message, for: ErrorSamples.Key(phase: phaseNames[phase], request: requestNames[request], code: code))
    }

    func recordSendLag(_ nanoseconds: UInt64) {
        LatencyHistogram.record(nanoseconds / 1_000, in: &sendLag)
    }

    /// Removes and returns the buckets of every second before `second`.
    func takeSeconds(before second: Int) -> [SecondBucket] {
        roll(to: Self.clampedTime(second: second, runStart: runStart))
        var taken = finished
        finished.removeAll(keepingCapacity: true)
        if current.second < second, current.sent + current.completed + current.errors.count > 0 {
            taken.append(current)
            current = SecondBucket(second: current.second + 1)
        }
        return taken
    }

    /// The time at which `second` starts, saturating for "every second" requests (Int.max).
    private static func clampedTime(second: Int, runStart: UInt64) -> UInt64 {
        guard second > 0 else { return 0 }
        let (offset, overflow) = UInt64(second).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? runStart : runStart &+ offset
    }

    func stats(phase: Int) -> [String: RequestStats] {
        var result: [String: RequestStats] = [:]
        for (request, name) in requestNames.enumerated() { result[name] = cells[cell(phase, request)] }
        return result
    }
}
