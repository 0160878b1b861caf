import Foundation
import GRDB
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

/// Tags as sets of runs: the baseline history a gate reads.
@Suite struct ResultsStoreTagSetTests {
    @Test func addingBuildsASetWhoseLastRunsComeOldestFirst() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let runs = try (0..<4).map { _ in try SampleRun.store(in: store) }
            for (index, run) in runs.enumerated() { #expect(try store.addToTag(runID: run, name: "good") == index + 1) }
            #expect(try store.runIDs(forTag: "good", limit: 5) == runs)
            #expect(try store.runIDs(forTag: "good", limit: 2) == Array(runs.suffix(2)))
            #expect(try store.resolveRun("good") == runs[3])
            // Adding a member again makes it the newest, without a duplicate.
            #expect(try store.addToTag(runID: runs[0], name: "good") == 4)
            #expect(try store.runIDs(forTag: "good", limit: 2) == [runs[3], runs[0]])
            // Tagging without --add moves the name to one run again.
            #expect(try store.tag(runID: runs[1], name: "good") == runs[0])
            #expect(try store.runIDs(forTag: "good", limit: 5) == [runs[1]])
            #expect(try store.runIDs(forTag: "nightly", limit: 5).isEmpty)
        }
    }

    @Test func addingAnUnknownRunOrABadNameFails() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let run = try SampleRun.store(in: store)
            #expect(throws: ResultsStoreError.self) { try store.addToTag(runID: run + 10, name: "good") }
            let error = #expect(throws: ResultsStoreError.self) { try store.addToTag(runID: run, name: "7up") }
            #expect(error?.kind == .invalidTagName)
        }
    }
}

/// A store written before tag sets keeps its tags: each becomes a set of one run.
@Suite struct TagMigrationTests {
    @Test func tagsOfAVersion5StoreSurviveTheMigration() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("old.sqlite").path
            let queue = try DatabaseQueue(path: path)
            try ResultsStore.migrator.migrate(queue, upTo: "v5-latency-of-every-attempt-and-by-outcome")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO runs (name, description, scenario_file, scenario_text, target, host, command_line, started_at, status, duration_scale)
                        VALUES ('old', '', 's.yaml', '', 'http://127.0.0.1:1', 'h', 'loadgen run', '2026-01-01 00:00:00.000', 'passed', 1);
                        INSERT INTO tags (name, run_id, tagged_at) VALUES ('good', 1, '2026-01-01 00:00:01.000');
                        """)
            }
            try queue.close()
            let store = try ResultsStore.open(path: path)
            #expect(try store.resolveRun("good") == 1)
            #expect(try store.runIDs(forTag: "good", limit: 5) == [1])
            #expect(try store.run(id: 1)?.loadFingerprint == nil)
        }
    }
}
