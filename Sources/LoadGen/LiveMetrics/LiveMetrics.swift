import Foundation
import Histogram
import Synchronization

/// The run's numbers as Prometheus text while it lasts (`loadgen run --metrics-listen`), for dashboards that watch a
/// chaos session or a long soak. Fed once a second by the run's loop with the seconds it just collected, so every
/// counter is exactly what the summary will count; scraped from any thread.
///
/// Names follow Prometheus conventions: `loadgen_` prefix, base units (seconds), `_total` for counters, and labels
/// of bounded cardinality (phase, error code, fault step), never a URL.
public final class LiveMetrics: Sendable {
    /// Bucket bounds of `loadgen_request_duration_seconds` (successful responses, corrected latency): 1 ms to 60 s.
    public static let latencyBoundsSeconds: [Double] = [
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
    ]

    private struct PhaseTotals {
        var sent = 0
        var completed = 0
        var errors: [ErrorCode: Int] = [:]
        /// Cumulative counts per bound of `latencyBoundsSeconds`, then the +Inf count.
        var buckets = [UInt64](repeating: 0, count: LiveMetrics.latencyBoundsSeconds.count + 1)
        var latencySumSeconds = 0.0
    }

    private struct State {
        var phases: [String: PhaseTotals] = [:]
        var currentPhase: String?
        var elapsedSeconds = 0.0
        var connections = 0
        var users = 0
        var sendLag: (p50: Double, p99: Double, count: UInt64, sum: Double)?
        var activeFaults: [String] = []
        var finished = false
        var runID: Int64?
    }

    private let scenario: String
    private let phaseOrder: [String]
    private let state = Mutex(State())

    public init(scenario: String, phases: [String]) {
        self.scenario = scenario
        phaseOrder = phases
    }

    /// The run's id in the results database, once it has one.
    func setRunID(_ runID: Int64) {
        state.withLock { $0.runID = runID }
    }

    /// Adds the seconds just collected, each with its phase's name (nil: after the last phase).
    func add(_ seconds: [SecondBucket], phases: [String?]) {
        state.withLock { state in
            for (second, phase) in zip(seconds, phases) {
                guard let phase else { continue }
                var totals = state.phases[phase] ?? PhaseTotals()
                totals.sent += second.sent
                totals.completed += second.completed
                totals.errors.merge(second.errors, uniquingKeysWith: +)
                for value in second.latency.recordedValues() {
                    let seconds = Double(value.value) / 1_000_000
                    let index = Self.latencyBoundsSeconds.firstIndex { seconds <= $0 } ?? Self.latencyBoundsSeconds.count
                    totals.buckets[index] += value.count
                    totals.latencySumSeconds += seconds * Double(value.count)
                }
                state.phases[phase] = totals
            }
        }
    }

    /// The levels of the moment: phase, elapsed time, open connections, users, send lag so far, faults in force.
    func update(
        phase: String?, elapsed: Duration, connections: Int, users: Int, sendLag: Histogram<UInt64>?, activeFaults: [String]
    ) {
        state.withLock { state in
            state.currentPhase = phase
            state.elapsedSeconds = elapsed.seconds
            state.connections = connections
            state.users = users
            if let sendLag, sendLag.totalCount > 0 {
                state.sendLag = (
                    Double(sendLag.valueAtPercentile(50)) / 1e6, Double(sendLag.valueAtPercentile(99)) / 1e6,
                    sendLag.totalCount, sendLag.mean * Double(sendLag.totalCount) / 1e6
                )
            }
            state.activeFaults = activeFaults
        }
    }

    /// The run is over: `loadgen_run_finished` turns 1 (the listener closes with the run).
    func finish() {
        state.withLock { $0.finished = true }
    }

    /// The Prometheus text exposition format, version 0.0.4.
    public func exposition() -> String {
        let state = state.withLock { $0 }
        var text = PrometheusText()
        text.family("loadgen_run_info", "gauge", "The run being measured (value 1).")
        text.sample("loadgen_run_info", ["scenario": scenario, "run_id": state.runID.map(String.init) ?? ""], 1)
        text.family("loadgen_run_elapsed_seconds", "gauge", "Seconds since the first phase started.")
        text.sample("loadgen_run_elapsed_seconds", [:], state.elapsedSeconds)
        text.family("loadgen_run_finished", "gauge", "1 once the load has ended.")
        text.sample("loadgen_run_finished", [:], state.finished ? 1 : 0)
        text.family("loadgen_phase_active", "gauge", "1 for the phase running now, 0 for the others.")
        for phase in phaseOrder { text.sample("loadgen_phase_active", ["phase": phase], phase == state.currentPhase ? 1 : 0) }

        let phases = phaseOrder.filter { state.phases[$0] != nil }
        text.family("loadgen_requests_total", "counter", "Requests that were due: sent, or dropped for want of a connection.")
        for phase in phases {
            let totals = state.phases[phase]!
            text.sample("loadgen_requests_total", ["phase": phase], Double(totals.sent + totals.errors[.dropped, default: 0]))
        }
        text.family("loadgen_responses_total", "counter", "Complete responses, any status.")
        for phase in phases { text.sample("loadgen_responses_total", ["phase": phase], Double(state.phases[phase]!.completed)) }
        text.family(
            "loadgen_errors_total", "counter",
            "Requests that failed, by error code (http_4xx, http_5xx, timeout, reset, tls, dropped, check_failed, ...).")
        for phase in phases {
            for (code, count) in state.phases[phase]!.errors.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                text.sample("loadgen_errors_total", ["phase": phase, "code": code.rawValue], Double(count))
            }
        }
        text.family(
            "loadgen_requests_in_flight", "gauge", "Requests written and not yet answered (or failed), over every phase.")
        let inFlight = state.phases.values.reduce(0) { sum, totals in
            let ended =
                totals.completed + totals.errors.filter { $0.key.endsWithoutResponse && $0.key != .dropped }.values.reduce(0, +)
            return sum + max(0, totals.sent - ended)
        }
        text.sample("loadgen_requests_in_flight", [:], Double(inFlight))
        text.family(
            "loadgen_request_duration_seconds", "histogram",
            "Latency of successful responses from their intended send time (coordinated-omission corrected).")
        for phase in phases {
            let totals = state.phases[phase]!
            var cumulative: UInt64 = 0
            for (index, bound) in Self.latencyBoundsSeconds.enumerated() {
                cumulative += totals.buckets[index]
                text.sample(
                    "loadgen_request_duration_seconds_bucket", ["phase": phase, "le": PrometheusText.number(bound)],
                    Double(cumulative))
            }
            cumulative += totals.buckets.last!
            text.sample("loadgen_request_duration_seconds_bucket", ["phase": phase, "le": "+Inf"], Double(cumulative))
            text.sample("loadgen_request_duration_seconds_sum", ["phase": phase], totals.latencySumSeconds)
            text.sample("loadgen_request_duration_seconds_count", ["phase": phase], Double(cumulative))
        }
        text.family("loadgen_connections", "gauge", "Open connections to the target.")
        text.sample("loadgen_connections", [:], Double(state.connections))
        text.family("loadgen_virtual_users", "gauge", "Virtual users running (closed-model phases).")
        text.sample("loadgen_virtual_users", [:], Double(state.users))
        if let lag = state.sendLag {
            text.family(
                "loadgen_send_lag_seconds", "summary", "How late requests went out against their schedule, over the run so far.")
            text.sample("loadgen_send_lag_seconds", ["quantile": "0.5"], lag.p50)
            text.sample("loadgen_send_lag_seconds", ["quantile": "0.99"], lag.p99)
            text.sample("loadgen_send_lag_seconds_sum", [:], lag.sum)
            text.sample("loadgen_send_lag_seconds_count", [:], Double(lag.count))
        }
        text.family("loadgen_fault_active", "gauge", "1 for each chaos step in force now (label: chaos[N] FAULT).")
        for fault in state.activeFaults { text.sample("loadgen_fault_active", ["fault": fault], 1) }
        text.family("loadgen_faults_active", "gauge", "Chaos steps in force now.")
        text.sample("loadgen_faults_active", [:], Double(state.activeFaults.count))
        return text.output
    }
}

/// Writes the text exposition format: HELP and TYPE once per family, escaped label values.
struct PrometheusText {
    private(set) var output = ""

    mutating func family(_ name: String, _ type: String, _ help: String) {
        output += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    mutating func sample(_ name: String, _ labels: [String: String], _ value: Double) {
        let rendered =
            labels.isEmpty
            ? ""
            : "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Self.escape($0.value))\"" }.joined(separator: ",")
                + "}"
        output += "\(name)\(rendered) \(Self.number(value))\n"
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
