import Testing
@testable import LoadGen

/// What the recorder does with each outcome: which histograms it enters, and that nothing counted is lost.
@Suite struct RecorderTests {
    private func recorder() -> Recorder {
        let recorder = Recorder(phaseNames: ["p"], requestNames: ["r"])
        recorder.runStart = 1_000_000_000
        return recorder
    }

    @Test func aLatencyAboveTheRangeIsClampedAndCountedNotDropped() {
        let recorder = recorder()
        let start: UInt64 = 1_000_000_000
        let twoHours: UInt64 = 7_200_000_000_000
        recorder.recordSent(phase: 0, request: 0, at: start)
        recorder.recordResponse(
            phase: 0, request: 0, intended: start, sent: start, finished: start + twoHours, code: nil, checked: false)
        let stats = recorder.stats(phase: 0)["r"]!
        #expect(stats.completed == 1)
        #expect(stats.corrected.totalCount == 1)
        #expect(stats.uncorrected.totalCount == 1)
        #expect(stats.attempts.totalCount == 1)
        #expect(stats.clampedLatencies == 1)
    }

    @Test func eachOutcomeEntersItsOwnHistogramAndAllAttempts() {
        let recorder = recorder()
        let start: UInt64 = 1_000_000_000
        for _ in 0..<4 { recorder.recordSent(phase: 0, request: 0, at: start) }
        recorder.recordResponse(
            phase: 0, request: 0, intended: start, sent: start, finished: start + 200_000_000, code: nil, checked: true)
        recorder.recordResponse(
            phase: 0, request: 0, intended: start, sent: start, finished: start + 1_000_000, code: .http5xx, checked: false)
        recorder.recordFailure(phase: 0, request: 0, code: .timeout, intended: start, at: start + 10_000_000_000, message: nil)
        recorder.recordFailure(phase: 0, request: 0, code: .dropped, intended: start, at: start + 1_000_000_000, message: nil)
        let stats = recorder.stats(phase: 0)["r"]!
        #expect(stats.corrected.totalCount == 1)
        #expect(stats.errorStatusLatency.totalCount == 1)
        #expect(stats.noResponseLatency.totalCount == 1)
        #expect(stats.noResponseLatency.valueAtPercentile(50) >= 9_990_000)
        #expect(stats.attempts.totalCount == 4)
        #expect(LatencyHistogram.isBeyondRange(stats.attempts.max, in: stats.attempts))
        #expect(stats.outcomes.errors == 3)
        #expect(stats.outcomes.ended == 4)
    }
}
