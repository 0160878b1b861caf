import Foundation
import Histogram
import Testing
@testable import Reports

@Suite struct ResultsStoreTagTests {
    @Test func aTagNamesARunAndMovesWhenTaggedAgain() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let first = try SampleRun.store(in: store)
            let second = try SampleRun.store(in: store)
            #expect(try store.tag(runID: first, name: "good") == nil)
            #expect(try store.resolveRun("good") == first)
            #expect(try store.tag(runID: second, name: "good") == first)
            #expect(try store.resolveRun("good") == second)
            #expect(try store.tag(runID: second, name: "v1.2") == nil)
            #expect(try store.tagsByRun() == [second: ["good", "v1.2"]])
        }
    }

    @Test func runReferencesAreIdsLatestOrTags() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let error = #expect(throws: ResultsStoreError.self) { try store.resolveRun("latest") }
            #expect(error?.description.contains("start one with `loadgen run FILE`") == true)
            let run = try SampleRun.store(in: store)
            #expect(try store.resolveRun("latest") == run)
            #expect(try store.resolveRun(String(run)) == run)
            let unknown = #expect(throws: ResultsStoreError.self) { try store.resolveRun("nightly") }
            #expect(unknown?.kind == .unknownRun)
            #expect(unknown?.description.contains("no run or tag named 'nightly'") == true)
            #expect(unknown?.description.contains("loadgen runs") == true)
            #expect(throws: ResultsStoreError.self) { try store.resolveRun("99") }
        }
    }

    @Test(arguments: ["", "latest", "7up", "has space", "<b>", String(repeating: "x", count: 65)])
    func badTagNamesAreRefusedWithTheRule(name: String) throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let run = try SampleRun.store(in: store)
            let error = #expect(throws: ResultsStoreError.self) { try store.tag(runID: run, name: name) }
            #expect(error?.kind == .invalidTagName)
            #expect(error?.description.contains("letters, digits") == true)
        }
    }

    @Test func taggingAnUnknownRunFails() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let error = #expect(throws: ResultsStoreError.self) { try store.tag(runID: 42, name: "good") }
            #expect(error?.kind == .unknownRun)
        }
    }

    @Test func perSecondHistogramsRoundTrip() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let run = try SampleRun.store(in: store)
            let seconds = try store.seconds(runID: run)
            let data = try #require(seconds.first?.latencyHistogram)
            let histogram = try HistogramCodec.decode(data)
            #expect(histogram.totalCount == 101)
            #expect(histogram.min == 2_000)
            #expect(seconds.first?.uncorrectedP99Us == 7_000)
        }
    }
}
