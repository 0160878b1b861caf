import Foundation
import Synchronization
import GRDB
import Testing
@testable import Reports

@Suite struct ResultsStoreTests {
    @Test func openCreatesParentDirectoriesAndAppliesEveryMigration() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("nested/deeper/results.sqlite").path
            let store = try ResultsStore.open(path: path)
            let (applied, tables, journalMode) = try store.pool.read { db in
                (
                    try ResultsStore.migrator.appliedMigrations(db),
                    try String.fetchAll(
                        db,
                        sql:
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name"
                    ),
                    try String.fetchOne(db, sql: "PRAGMA journal_mode")
                )
            }
            #expect(applied == ResultsStore.migrator.migrations)
            #expect(tables == ["errors", "events", "phases", "request_stats", "runs", "seconds", "sla_results", "tag_runs"])
            #expect(journalMode == "wal")
            #expect(store.recoveredRuns.isEmpty)
            #expect(try store.latestRunID() == nil)
        }
    }

    @Test func beginAppendFinishReadsBackEveryRow() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let runID = try SampleRun.store(in: store)

            let run = try #require(try store.run(id: runID))
            #expect(run.name == "baseline")
            #expect(run.status == .failed)
            #expect(run.exitCode == 1)
            #expect(run.startedAt == SampleRun.start().startedAt)
            #expect(run.endedAt == SampleRun.start().startedAt.addingTimeInterval(3))
            #expect(try store.latestRunID() == runID)
            #expect(try store.runs(limit: 10).map(\.id) == [runID])
            #expect(try store.phases(runID: runID) == SampleRun.phases)
            #expect(try store.seconds(runID: runID) == SampleRun.seconds)
            #expect(try store.requestStats(runID: runID) == [SampleRun.stats()])
            #expect(try store.slaResults(runID: runID) == SampleRun.sla())
            #expect(try store.errorSamples(runID: runID) == SampleRun.errors())
            #expect(try store.events(runID: runID).map(\.name) == ["steady", "finished"])
            #expect(try store.events(runID: runID).first?.detail == ["load": "10/s open"])
        }
    }

    @Test func recordPhaseAgainReplacesIt() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let runID = try store.beginRun(SampleRun.start())
            try store.recordPhase(runID: runID, PhaseRecord(index: 0, name: "warmup", load: "5/s open", startedAtMs: 0))
            try store.recordPhase(
                runID: runID, PhaseRecord(index: 0, name: "warmup", load: "5/s open", startedAtMs: 0, endedAtMs: 1000))
            #expect(try store.phases(runID: runID).map(\.endedAtMs) == [1000])
        }
    }

    @Test func reopeningMarksARunStillRunningAsAbortedAndKeepsItsSeconds() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("results.sqlite").path
            let (finishedID, killedID) = try {
                let store = try ResultsStore.open(path: path)
                let finished = try SampleRun.store(in: store)
                let killed = try store.beginRun(SampleRun.start())
                try store.appendSecond(runID: killed, seconds: [SampleRun.seconds[0]], events: [])
                try store.appendSecond(runID: killed, seconds: [SampleRun.seconds[1]], events: [])
                return (finished, killed)
            }()

            let reopened = try ResultsStore.open(path: path)
            #expect(reopened.recoveredRuns == [killedID])
            #expect(try reopened.run(id: killedID)?.status == .aborted)
            #expect(try reopened.run(id: finishedID)?.status == .failed)
            #expect(try reopened.seconds(runID: killedID) == Array(SampleRun.seconds.prefix(2)))
            #expect(try ResultsStore.open(path: path).recoveredRuns.isEmpty)
        }
    }

    @Test func aRunWhoseProcessIsAliveIsLeftRunning() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("results.sqlite").path
            let store = try ResultsStore.open(path: path)
            // This test process stands for another loadgen still writing its run into the same file.
            let live = try store.beginRun(SampleRun.start(processID: ProcessInfo.processInfo.processIdentifier))
            let reopened = try ResultsStore.open(path: path)
            #expect(reopened.recoveredRuns.isEmpty)
            #expect(try reopened.run(id: live)?.status == .running)
        }
    }

    @Test func twoProcessesOpeningANewFileAtOnceBothGetTheSchema() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("results.sqlite").path
            // Separate connections race the way two loadgen processes do; each must end with the full schema.
            let results = Mutex<[Result<Int64, any Error>]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                let result = Result { try ResultsStore.open(path: path).beginRun(SampleRun.start()) }
                results.withLock { $0.append(result) }
            }
            let ids = try results.withLock { try $0.map { try $0.get() } }
            #expect(Set(ids).count == 4)
        }
    }

    @Test func integrityCheckSaysOK() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            _ = try SampleRun.store(in: store)
            #expect(try store.integrityCheck() == "ok")
        }
    }

    @Test func aFileThatIsNotADatabaseIsNamedWithWhatToDo() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("results.sqlite").path
            try Data(String(repeating: "not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
            let error = try #require(throws: ResultsStoreError.self) { try ResultsStore.open(path: path) }
            #expect(error.kind == .notADatabase)
            #expect(error.description.contains("'\(path)'"))
            #expect(error.description.contains("Move it aside"))
        }
    }

    @Test func aPathUnderARegularFileSaysTheDirectoryCannotBeCreated() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("plain-file")
            try Data("x".utf8).write(to: file)
            let path = file.appendingPathComponent("sub/results.sqlite").path
            let error = try #require(throws: ResultsStoreError.self) { try ResultsStore.open(path: path) }
            #expect(error.kind == .cannotCreateDirectory)
            #expect(error.description.contains("'\(path)'"))
            #expect(error.description.contains("--db"))
        }
    }

    @Test func aStoreFromANewerVersionIsRefused() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("results.sqlite").path
            try {
                let store = try ResultsStore.open(path: path)
                try store.pool.write { db in
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
                }
            }()
            let error = try #require(throws: ResultsStoreError.self) { try ResultsStore.open(path: path) }
            #expect(error.kind == .newerSchema)
            #expect(error.description.contains("v99-from-the-future"))
        }
    }

    @Test func finishingAnUnknownRunThrows() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let error = try #require(throws: ResultsStoreError.self) {
                try store.finishRun(
                    runID: 42, status: .passed, exitCode: 0, endedAt: Date(), requestStats: [], sla: [], errors: [], events: [])
            }
            #expect(error.kind == .unknownRun)
        }
    }

    @Test func errorSamplesKeepTheFirstTenDistinctMessagesCut() {
        let messages = (0..<30).map { "message \($0 % 15)" } + [String(repeating: "b", count: 2000)]
        let record = ErrorSampleRecord(phase: "p", request: "r", code: "reset", count: 31, samples: messages)
        #expect(record.samples == (0..<10).map { "message \($0)" })
        let long = ErrorSampleRecord(
            phase: "p", request: "r", code: "reset", count: 1, samples: [String(repeating: "b", count: 2000)])
        #expect(long.samples.first?.count == ErrorSampleRecord.maxSampleLength + 1)
    }
}
