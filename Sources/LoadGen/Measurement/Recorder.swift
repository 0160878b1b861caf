/// Collects every measurement of one event loop's share of the load. Confined to that loop, so it needs no locks;
/// the engine merges the recorders of all loops when the runner asks.
final class Recorder {
    private let phaseNames: [String]
    private let requestNames: [String]
    private let runStart: UInt64
    /// Phase × request cells, flattened: `phase * requestCount + request`.
    private(set) var cells: [RequestStats]
    private(set) var seconds: [Int: SecondBucket] = [:]
    private(set) var samples = ErrorSamples()
    /// Open model: how late each request went out after its intended time (µs). The engine's own accuracy.
    private(set) var sendLag = RequestStats.makeHistogram()

    init(phaseNames: [String], requestNames: [String], runStart: UInt64) {
        self.phaseNames = phaseNames
        self.requestNames = requestNames
        self.runStart = runStart
        cells = Array(repeating: RequestStats(), count: max(1, phaseNames.count * requestNames.count))
    }

    private func cell(_ phase: Int, _ request: Int) -> Int { phase * requestNames.count + request }

    private func second(of time: UInt64) -> Int { time > runStart ? Int((time - runStart) / 1_000_000_000) : 0 }

    func recordSent(phase: Int, request: Int, at time: UInt64) {
        cells[cell(phase, request)].sent += 1
        seconds[second(of: time), default: SecondBucket(second: second(of: time))].sent += 1
    }

    /// A complete response; `code` is nil when its status was accepted, `check_failed` when a check failed.
    func recordResponse(phase: Int, request: Int, intended: UInt64, sent: UInt64, finished: UInt64, code: ErrorCode?, checked: Bool) {
        let index = cell(phase, request)
        let correctedMicros = (finished &- min(intended, finished)) / 1_000
        let uncorrectedMicros = (finished &- min(sent, finished)) / 1_000
        cells[index].completed += 1
        _ = cells[index].corrected.record(max(1, correctedMicros))
        _ = cells[index].uncorrected.record(max(1, uncorrectedMicros))
        if checked {
            if code == .checkFailed { cells[index].checksFailed += 1 } else { cells[index].checksPassed += 1 }
        }
        let secondIndex = second(of: finished)
        var bucket = seconds[secondIndex] ?? SecondBucket(second: secondIndex)
        bucket.completed += 1
        _ = bucket.latency.record(max(1, correctedMicros))
        if let code {
            cells[index].errors[code, default: 0] += 1
            bucket.errors[code, default: 0] += 1
        }
        seconds[secondIndex] = bucket
    }

    /// A request that got no response (transport error, timeout) or never went out (dropped).
    func recordFailure(phase: Int, request: Int, code: ErrorCode, at time: UInt64, message: String?) {
        cells[cell(phase, request)].errors[code, default: 0] += 1
        seconds[second(of: time), default: SecondBucket(second: second(of: time))].errors[code, default: 0] += 1
        if let message { recordSample(phase: phase, request: request, code: code, message: message) }
    }

    func recordSample(phase: Int, request: Int, code: ErrorCode, message: String) {
        samples.add(message, for: ErrorSamples.Key(phase: phaseNames[phase], request: requestNames[request], code: code))
    }

    func recordSendLag(_ nanoseconds: UInt64) {
        _ = sendLag.record(max(1, nanoseconds / 1_000))
    }

    /// Removes and returns the buckets of every second before `second`.
    func takeSeconds(before second: Int) -> [SecondBucket] {
        let done = seconds.keys.filter { $0 < second }
        return done.sorted().compactMap { seconds.removeValue(forKey: $0) }
    }

    func stats(phase: Int) -> [String: RequestStats] {
        var result: [String: RequestStats] = [:]
        for (request, name) in requestNames.enumerated() { result[name] = cells[cell(phase, request)] }
        return result
    }
}
