import Foundation
import Histogram
@testable import Reports

/// A run built from a fixed seed for the golden-file test: three phases over 30 s, two requests, per-second rows
/// with histograms, SLA results, error samples and events of several kinds, plus a baseline run to compare with.
/// No clock and no unseeded randomness, so the same store (and report) comes out on every machine.
enum HTMLReportGoldenRun {
    /// SplitMix64: tiny, seedable and the same everywhere, unlike the system generator.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// A uniform value in 0..<1 from the top 53 bits, with no platform-dependent conversion.
        mutating func unit() -> Double {
            Double(next() >> 11) / Double(1 << 53)
        }
    }

    static let startedAt = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00:00 UTC
    static let phases = [
        PhaseRecord(index: 0, name: "warmup", load: "5/s open", startedAtMs: 0, endedAtMs: 5_000),
        PhaseRecord(index: 1, name: "steady", load: "20/s open", startedAtMs: 5_000, endedAtMs: 20_000),
        PhaseRecord(index: 2, name: "burst", load: "20/s open, 60/s bursts", startedAtMs: 20_000, endedAtMs: 30_000),
    ]
    static let requests = ["detect", "healthz"]

    static func histogram() -> Histogram<UInt64> {
        Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    }

    /// Stores the baseline (`slowdown` 1) and the candidate (`slowdown` 1.25) runs; returns (baseline, candidate).
    static func store(in store: ResultsStore) throws -> (baseline: Int64, candidate: Int64) {
        let baseline = try storeRun(in: store, name: "golden", seed: 7, slowdown: 1, status: .passed, dayOffset: 0)
        let candidate = try storeRun(in: store, name: "golden", seed: 42, slowdown: 1.25, status: .failed, dayOffset: 1)
        try store.tag(runID: candidate, name: "candidate")
        return (baseline, candidate)
    }

    static func storeRun(
        in store: ResultsStore, name: String, seed: UInt64, slowdown: Double, status: RunStatus, dayOffset: Double
    ) throws -> Int64 {
        var random = SeededGenerator(state: seed)
        let started = startedAt.addingTimeInterval(dayOffset * 86_400)
        let runID = try store.beginRun(
            RunStart(
                name: name, description: "Steady traffic with bursts; a fault is injected and a model swapped mid-run.",
                scenarioFile: "scenarios/golden.yaml", scenarioText: "name: golden\n", target: "bundled (2 replicas)",
                gitRevision: "0123abc", host: "ci-runner", commandLine: "loadgen run scenarios/golden.yaml --report out.html",
                startedAt: started
            ))
        var totals: [String: (corrected: Histogram<UInt64>, uncorrected: Histogram<UInt64>, sent: Int, errors: Int)] = [:]
        for phase in phases {
            try store.recordPhase(runID: runID, phase)
            let rate = phase.name == "warmup" ? 5 : 20
            for second in Int(phase.startedAtMs / 1000)..<Int(phase.endedAtMs! / 1000) {
                let burst = phase.name == "burst" && second % 5 < 2
                let sent = burst ? 60 : rate
                let faulty = (12..<16).contains(second)
                var corrected = histogram()
                var uncorrected = histogram()
                var errors = 0
                for index in 0..<sent {
                    let base = (8_000 + 20_000 * random.unit() * random.unit()) * slowdown * (faulty ? 3 : 1) * (burst ? 1.6 : 1)
                    let queueing = burst ? Double(index) * 400 : 0
                    corrected.record(UInt64(base + queueing))
                    uncorrected.record(UInt64(base))
                    if random.unit() < (faulty ? 0.08 : 0.005) { errors += 1 }
                }
                let summary = LatencySummary(corrected)
                let row = SecondRecord(
                    second: second, phase: phase.name, sent: sent, completed: sent - errors, errors: errors, dropped: 0,
                    errorsByCode: errors > 0 ? ["http_5xx": errors] : [:], p50Us: summary.p50, p90Us: summary.p90,
                    p99Us: summary.p99, maxUs: summary.max, connections: burst ? 12 : 4, users: 0,
                    uncorrectedP99Us: LatencySummary(uncorrected).p99, latencyHistogram: HistogramCodec.encode(corrected)
                )
                let events =
                    second == Int(phase.startedAtMs / 1000)
                    ? [EventRecord(atMs: phase.startedAtMs, kind: "phase", name: phase.name, detail: ["load": phase.load])] : []
                try store.appendSecond(runID: runID, seconds: [row], events: events)
                for request in requests {
                    // detect takes every second's traffic but one request; healthz the one left.
                    var entry =
                        totals["\(phase.name)/\(request)"] ?? (
                            corrected: histogram(), uncorrected: histogram(), sent: 0, errors: 0
                        )
                    if request == "detect" {
                        entry.corrected.add(corrected)
                        entry.uncorrected.add(uncorrected)
                        entry.sent += sent - 1
                        entry.errors += errors
                    } else {
                        entry.corrected.record(1_000 + UInt64(second) * 10)
                        entry.uncorrected.record(900 + UInt64(second) * 10)
                        entry.sent += 1
                    }
                    totals["\(phase.name)/\(request)"] = entry
                }
            }
        }
        let stats = phases.flatMap { phase in
            requests.map { request in
                let entry = totals["\(phase.name)/\(request)"]!
                return RequestStatsRecord(
                    phase: phase.name, request: request, sent: entry.sent, completed: entry.sent,
                    errors: entry.errors, checksPassed: entry.sent - entry.errors, checksFailed: request == "detect" ? 1 : 0,
                    dropped: 0, errorsByCode: entry.errors > 0 ? ["http_5xx": entry.errors, "check_failed": 1] : [:],
                    corrected: entry.corrected, uncorrected: entry.uncorrected
                )
            }
        }
        let steadyP99 = Double(stats[2].corrected.p99) / 1000
        try store.finishRun(
            runID: runID, status: status, exitCode: status == .passed ? 0 : 1, endedAt: started.addingTimeInterval(30),
            requestStats: stats,
            sla: [
                SLAResultRecord(
                    phase: "steady", request: nil, threshold: "p99", limitText: "60ms", limitValue: 60, observed: steadyP99,
                    observedText: String(format: "%.1fms", steadyP99),
                    uncorrectedObserved: Double(stats[2].uncorrected.p99) / 1000, unit: "ms", passed: steadyP99 <= 60
                ),
                SLAResultRecord(
                    phase: "burst", request: "detect", threshold: "error_rate", limitText: "1%", limitValue: 0.01,
                    observed: stats[4].errorRate, observedText: ReportFormat.percent(stats[4].errorRate), unit: "ratio",
                    passed: stats[4].errorRate <= 0.01
                ),
            ],
            errors: [
                ErrorSampleRecord(
                    phase: "steady", request: "detect", code: "http_5xx", count: stats[2].errors,
                    samples: ["HTTP 503: upstream overloaded", "HTTP 502: bad gateway"]),
                ErrorSampleRecord(
                    phase: "burst", request: "detect", code: "timeout", count: 1, samples: ["no response within 2s"]),
            ],
            events: [
                EventRecord(
                    atMs: 12_000, kind: "chaos", name: "fault injected", detail: ["fault": "latency", "ms": "200"],
                    durationMs: 4_000, outcome: "reverted"),
                EventRecord(
                    atMs: 18_500, kind: "model", name: "model swapped", detail: ["from": "face-v1", "to": "face-v2"],
                    outcome: "ok"),
                EventRecord(atMs: 24_000, kind: "server", name: "replica killed", detail: ["replica": "1", "signal": "SIGKILL"]),
                EventRecord(
                    atMs: 26_000, kind: "backup", name: "snapshot taken", detail: ["bytes": "1048576"], durationMs: 1_500,
                    outcome: "ok"),
            ]
        )
        return runID
    }
}
