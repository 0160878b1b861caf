import Testing
@testable import LoadCore

@Suite struct RequestStatsTests {
    @Test func errorRateCountsDroppedButNotCheckFailures() {
        var stats = RequestStats()
        stats.sent = 90
        stats.completed = 90
        stats.errors = [.dropped: 10, .http5xx: 5, .checkFailed: 7]
        #expect(stats.attempted == 100)
        #expect(stats.errorCount == 15)
        #expect(stats.errorRate == 0.15)
    }

    @Test func mergeAddsCountsAndHistograms() {
        var a = RequestStats()
        a.sent = 1
        _ = a.corrected.record(1_000)
        var b = RequestStats()
        b.sent = 2
        _ = b.corrected.record(3_000)
        b.errors[.reset] = 1
        a.merge(b)
        #expect(a.sent == 3)
        #expect(a.corrected.totalCount == 2)
        #expect(a.errors[.reset] == 1)
    }
}
