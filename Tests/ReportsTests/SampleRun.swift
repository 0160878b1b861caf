import Foundation
import Histogram
@testable import Reports

/// A small, complete run to store: two phases, three seconds, one request, two SLA thresholds, one error.
enum SampleRun {
    static let hostile = "<script>alert(\"x\")</script> & 'q'"

    /// The id of a process that has exited: a run "written" by it counts as killed when the store is reopened.
    static let deadProcessID: Int32 = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try? process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }()

    static func start(
        name: String = "baseline", target: String = "http://127.0.0.1:8080", processID: Int32 = deadProcessID
    ) -> RunStart {
        RunStart(
            name: name, description: "Steady traffic; the SLA must hold.", scenarioFile: "scenarios/baseline.yaml",
            scenarioText: "name: baseline\n", target: target, gitRevision: "abc1234", host: "ci-runner",
            commandLine: "loadgen run scenarios/baseline.yaml", startedAt: Date(timeIntervalSince1970: 1_700_000_000),
            processID: processID
        )
    }

    static let phases = [
        PhaseRecord(index: 0, name: "warmup", load: "5/s open", startedAtMs: 0, endedAtMs: 1000),
        PhaseRecord(index: 1, name: "steady", load: "10/s open", startedAtMs: 1000, endedAtMs: 3000),
    ]

    static func second(_ second: Int, phase: String, sent: Int) -> SecondRecord {
        SecondRecord(
            second: second, phase: phase, sent: sent, completed: sent - 1, errors: 1, dropped: 0,
            errorsByCode: ["http_5xx": 1], p50Us: 2_000, p90Us: 5_000, p99Us: 9_000, maxUs: 12_000,
            connections: 4, users: 0, uncorrectedP99Us: 7_000,
            latencyHistogram: HistogramCodec.encode(histogram(UInt64(20 + second)...UInt64(120 + second)))
        )
    }

    static let seconds = [
        second(0, phase: "warmup", sent: 5), second(1, phase: "steady", sent: 10), second(2, phase: "steady", sent: 10),
    ]

    static func histogram(_ values: ClosedRange<UInt64>) -> Histogram<UInt64> {
        var histogram = Histogram<UInt64>(
            lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        for value in values { histogram.record(value * 100) }
        return histogram
    }

    static func stats(request: String = "detect") -> RequestStatsRecord {
        RequestStatsRecord(
            phase: "steady", request: request, sent: 20, completed: 18, errors: 2, checksPassed: 17, checksFailed: 1,
            dropped: 0, errorsByCode: ["http_5xx": 2, "check_failed": 1],
            corrected: histogram(10...200), uncorrected: histogram(5...150)
        )
    }

    static func sla(request: String? = nil) -> [SLAResultRecord] {
        [
            SLAResultRecord(
                phase: "steady", request: request, threshold: "p99", limitText: "500ms", limitValue: 500,
                observed: 19.9, observedText: "19.9ms", uncorrectedObserved: 14.9, unit: "ms", passed: true
            ),
            SLAResultRecord(
                phase: "steady", request: request, threshold: "error_rate", limitText: "1%", limitValue: 0.01,
                observed: 0.1, observedText: "10.00%", unit: "ratio", passed: false
            ),
        ]
    }

    static func errors(message: String = "HTTP 503: overloaded") -> [ErrorSampleRecord] {
        [ErrorSampleRecord(phase: "steady", request: "detect", code: "http_5xx", count: 2, samples: [message, message])]
    }

    /// Begins, appends every second and finishes the sample run; returns its id.
    static func store(
        in store: ResultsStore, start: RunStart = start(), request: String = "detect",
        errorMessage: String = "HTTP 503: overloaded"
    ) throws -> Int64 {
        let runID = try store.beginRun(start)
        for phase in phases { try store.recordPhase(runID: runID, phase) }
        for second in seconds {
            let events =
                second.second == 1 ? [EventRecord(atMs: 1000, kind: "phase", name: "steady", detail: ["load": "10/s open"])] : []
            try store.appendSecond(runID: runID, seconds: [second], events: events)
        }
        try store.finishRun(
            runID: runID, status: .failed, exitCode: 1, endedAt: start.startedAt.addingTimeInterval(3),
            requestStats: [stats(request: request)], sla: sla(), errors: errors(message: errorMessage),
            events: [EventRecord(atMs: 3000, kind: "run", name: "finished", outcome: "failed")]
        )
        return runID
    }
}
