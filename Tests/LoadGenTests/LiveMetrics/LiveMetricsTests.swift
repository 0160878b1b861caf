import Foundation
import Testing

@testable import LoadGen

/// The live exposition on its own: counters from collected seconds, the cumulative latency histogram, gauges, label
/// escaping, and the listen address forms.
@Suite struct LiveMetricsTests {
    private static func second(_ index: Int, sent: Int, latenciesMs: [UInt64], errors: [ErrorCode: Int] = [:]) -> SecondBucket {
        var bucket = SecondBucket(second: index)
        bucket.sent = sent
        bucket.completed = latenciesMs.count + errors.filter { !$0.key.endsWithoutResponse }.values.reduce(0, +)
        bucket.errors = errors
        for latency in latenciesMs { bucket.latency.record(latency * 1000) }
        return bucket
    }

    private static func value(_ line: String, in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(line + " ") }.map { String($0.split(separator: " ").last!) }
    }

    @Test func countersAndTheHistogramAddUpTheCollectedSeconds() {
        let live = LiveMetrics(scenario: "demo \"quoted\"", phases: ["warmup", "steady"])
        live.setRunID(7)
        live.add(
            [
                Self.second(0, sent: 3, latenciesMs: [4, 40]),
                Self.second(1, sent: 5, latenciesMs: [2, 3, 700], errors: [.http5xx: 1, .timeout: 1]),
            ], phases: ["warmup", "steady"])
        live.update(
            phase: "steady", elapsed: .seconds(2), connections: 4, users: 0, sendLag: nil, activeFaults: ["chaos[0] latency"])
        let text = live.exposition()
        #expect(Self.value(#"loadgen_requests_total{phase="steady"}"#, in: text) == "5")
        #expect(Self.value(#"loadgen_responses_total{phase="steady"}"#, in: text) == "4")
        #expect(Self.value(#"loadgen_errors_total{code="http_5xx",phase="steady"}"#, in: text) == "1")
        #expect(Self.value(#"loadgen_errors_total{code="timeout",phase="steady"}"#, in: text) == "1")
        // Buckets are cumulative: 2 and 3 ms fall in le=0.005, 700 ms in le=1.
        #expect(Self.value(#"loadgen_request_duration_seconds_bucket{le="0.0025",phase="steady"}"#, in: text) == "1")
        #expect(Self.value(#"loadgen_request_duration_seconds_bucket{le="0.005",phase="steady"}"#, in: text) == "2")
        #expect(Self.value(#"loadgen_request_duration_seconds_bucket{le="0.5",phase="steady"}"#, in: text) == "2")
        #expect(Self.value(#"loadgen_request_duration_seconds_bucket{le="1",phase="steady"}"#, in: text) == "3")
        #expect(Self.value(#"loadgen_request_duration_seconds_bucket{le="+Inf",phase="steady"}"#, in: text) == "3")
        #expect(Self.value(#"loadgen_request_duration_seconds_count{phase="warmup"}"#, in: text) == "2")
        #expect(Self.value(#"loadgen_phase_active{phase="steady"}"#, in: text) == "1")
        #expect(Self.value(#"loadgen_phase_active{phase="warmup"}"#, in: text) == "0")
        #expect(Self.value("loadgen_connections", in: text) == "4")
        #expect(Self.value(#"loadgen_fault_active{fault="chaos[0] latency"}"#, in: text) == "1")
        #expect(Self.value("loadgen_run_finished", in: text) == "0")
        #expect(text.contains(#"loadgen_run_info{run_id="7",scenario="demo \"quoted\""} 1"#), "\(text)")
        // Every family is declared once, with HELP and TYPE.
        #expect(text.components(separatedBy: "# TYPE loadgen_request_duration_seconds histogram").count == 2)
        live.finish()
        #expect(Self.value("loadgen_run_finished", in: live.exposition()) == "1")
    }

    @Test func listenAddressesDefaultToLoopback() throws {
        #expect(try MetricsListener.parse("9464") == ("127.0.0.1", 9464))
        #expect(try MetricsListener.parse("0.0.0.0:9464") == ("0.0.0.0", 9464))
        #expect(try MetricsListener.parse("[::1]:9464") == ("::1", 9464))
        #expect(throws: MetricsListenError.self) { try MetricsListener.parse("localhost") }
        #expect(throws: MetricsListenError.self) { try MetricsListener.parse("127.0.0.1:99999") }
    }
}
