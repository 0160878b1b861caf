import Foundation
import Testing
@testable import Reports

/// Which statistics a stored gate uses, and like with like: runs of different load are refused naming what differs.
@Suite struct GateReportStoreTests {
    private func run(in store: ResultsStore, fingerprint: String?, hoursLater: Double = 0) throws -> Int64 {
        var start = SampleRun.start()
        start.loadFingerprint = fingerprint
        start.startedAt += hoursLater * 3600
        return try SampleRun.store(in: store, start: start)
    }

    private let steady = "scenario baseline\nphase 1 warmup: 5000 ms, constant 5/s\nphase 2 steady: 30000 ms, constant 10/s"
    private let shortened = "scenario baseline\nphase 1 warmup: 5000 ms, constant 5/s\nphase 2 steady: 3000 ms, constant 10/s"

    @Test func runsOfDifferentLoadAreRefusedUnlessAllowed() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let baseline = try run(in: store, fingerprint: steady)
            let candidate = try run(in: store, fingerprint: shortened)
            let error = #expect(throws: GateError.self) {
                try GateReport(store: store, baselineRunIDs: [baseline], candidateRunID: candidate)
            }
            #expect(error?.description.contains("phase 2 steady: 30000 ms, constant 10/s") == true)
            #expect(error?.description.contains("phase 2 steady: 3000 ms, constant 10/s") == true)
            #expect(error?.description.contains("--allow-different") == true)
            #expect(error?.description.contains("warmup") == false)
            let allowed = try GateReport(
                store: store, baselineRunIDs: [baseline], candidateRunID: candidate, allowDifferentLoad: true)
            #expect(allowed.notes.contains { $0.contains("different load") })
        }
    }

    @Test func oneBaselineRunSaysBetweenRunNoiseIsUnknown() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let baseline = try run(in: store, fingerprint: steady)
            let candidate = try run(in: store, fingerprint: steady)
            let report = try GateReport(store: store, baselineRunIDs: [baseline], candidateRunID: candidate)
            #expect(report.method == .bootstrap)
            #expect(
                report.notes.contains { $0.contains("Between-run noise is unknown") && $0.contains("loadgen tag RUN NAME --add") }
            )
            #expect(report.table().contains("note: Between-run noise is unknown"))
        }
    }

    @Test func severalBaselineRunsAreAHistoryAndTheCandidateIsLeftOutOfThem() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let runs = try (0..<3).map { _ in try run(in: store, fingerprint: steady) }
            let report = try GateReport(store: store, baselineRunIDs: runs, candidateRunID: runs[2])
            #expect(report.method == .history)
            #expect(report.baselineRuns.map(\.id) == Array(runs.prefix(2)))
            #expect(report.notes.contains { $0.contains("left out of the baselines") })
            #expect(report.table().contains("against 2 baseline runs"))
            let decoded = try JSONDecoder.iso8601.decode(GateReport.self, from: try report.encoded())
            #expect(decoded.method == .history && decoded.baselineRuns.count == 2)
        }
    }

    @Test func aHistoryRecordedInOneSittingSaysItMayUnderstateDrift() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let sitting = try (0..<3).map { _ in try run(in: store, fingerprint: steady) }
            let candidate = try run(in: store, fingerprint: steady, hoursLater: 5)
            let report = try GateReport(store: store, baselineRunIDs: sitting, candidateRunID: candidate)
            #expect(
                report.notes.contains { $0.contains("recorded within 1 minute(s) of each other") && $0.contains("loadgen ab") })
            let overDays = try (0..<3).map { try run(in: store, fingerprint: steady, hoursLater: 24 * Double($0)) }
            let spread = try GateReport(store: store, baselineRunIDs: overDays, candidateRunID: candidate)
            #expect(!spread.notes.contains { $0.contains("recorded within") })
        }
    }

    @Test func runsStoredWithoutAFingerprintAreComparedWithANote() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let old = try run(in: store, fingerprint: nil)
            let new = try run(in: store, fingerprint: steady)
            let report = try GateReport(store: store, baselineRunIDs: [old], candidateRunID: new)
            #expect(report.notes.contains { $0.contains("stored before load fingerprints") })
        }
    }

    @Test func anInterleavedSessionNeedsTwoRounds() throws {
        try withTemporaryDirectory { dir in
            let store = try ResultsStore.open(path: dir.appendingPathComponent("results.sqlite").path)
            let (a, b) = (try run(in: store, fingerprint: steady), try run(in: store, fingerprint: steady))
            #expect(throws: GateError.self) { try GateReport(store: store, rounds: [(a, b)]) }
            let (c, d) = (try run(in: store, fingerprint: steady), try run(in: store, fingerprint: steady))
            let report = try GateReport(store: store, rounds: [(a, b), (c, d)])
            #expect(report.method == .interleaved && report.candidateRuns.map(\.id) == [b, d])
        }
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
