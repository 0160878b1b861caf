import Foundation
import Testing

@testable import Reports

/// Schema v7: a segment run says which segment it was, and each second keeps its uncorrected histogram.
@Suite struct ResultsStoreSegmentTests {
    @Test func aSegmentRunAndItsUncorrectedSecondsReadBack() throws {
        try withTemporaryDirectory { directory in
            let store = try ResultsStore.open(path: directory.appendingPathComponent("results.sqlite").path)
            var start = SampleRun.start()
            start.segment = "1/3"
            let runID = try store.beginRun(start)
            var second = SampleRun.second(0, phase: "warmup", sent: 5)
            second.uncorrectedHistogram = HistogramCodec.encode(SampleRun.histogram(10...20))
            try store.appendSecond(runID: runID, seconds: [second], events: [])
            #expect(try store.run(id: runID)?.segment == "1/3")
            let stored = try #require(try store.seconds(runID: runID).first)
            let histogram = try HistogramCodec.decode(try #require(stored.uncorrectedHistogram))
            #expect(histogram.totalCount == 11)
            // A whole run has no segment.
            #expect(try store.run(id: try SampleRun.store(in: store))?.segment == nil)
        }
    }
}
