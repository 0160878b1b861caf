import Foundation
import Testing

/// `loadgen run --metrics-listen`: while a real run goes on, `/metrics` on the given port answers Prometheus text
/// whose request counter grows, and the listener is gone when the run ends.
@Suite struct LiveMetricsEndToEndTests {
    @Test func aScrapeDuringTheRunSeesItsCountersGrow() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let file = try directory.write(
            "live.yaml",
            """
            name: live
            target: { url: "\(server.baseURL)" }
            requests:
              - { name: probe, method: GET, path: /ok, expect: { status: 200 } }
            phases:
              - { name: steady, duration: 10s, arrival: { rate: 20/s } }
            """)
        // 10 s: with the whole suite starting at once, spawning each curl has taken seconds, and a shorter run ended
        // (its listener with it) before the second scrape.
        let loadgen = try LoadGenProcess.launch(
            ["run", file, "--quiet", "--db", directory.path("results.sqlite"), "--metrics-listen", "127.0.0.1:0"],
            in: directory.url)
        try await loadgen.killingOnFailure {
            var url = ""
            try await waitUntil("the metrics address on stderr", within: .seconds(30), every: .milliseconds(50)) {
                guard
                    let line = loadgen.outcome().stderr.split(separator: "\n").first(where: { $0.hasPrefix("live metrics on ") })
                else { return false }
                url = String(line.dropFirst("live metrics on ".count))
                return true
            }
            #expect(url.hasPrefix("http://127.0.0.1:") && url.hasSuffix("/metrics"), "\(url)")
            var counts: [Int] = []
            try await waitUntil("two growing scrapes", within: .seconds(30), every: .milliseconds(700)) {
                let text = try Self.scrape(url)
                guard
                    let line = text.split(separator: "\n").first(where: {
                        $0.hasPrefix(#"loadgen_requests_total{phase="steady"}"#)
                    }),
                    let count = Int(line.split(separator: " ").last ?? "")
                else { return false }
                #expect(text.contains("# TYPE loadgen_request_duration_seconds histogram"))
                #expect(text.contains(#"loadgen_phase_active{phase="steady"} 1"#) || text.contains("loadgen_run_finished 1"))
                if counts.last.map({ count > $0 }) ?? true { counts.append(count) }
                return counts.count >= 2
            }
            let outcome = try await loadgen.waitForExit(within: .seconds(60))
            #expect(outcome.exitCode == 0, "\(outcome)")
            #expect(throws: (any Error).self) { _ = try Self.scrape(url) }
        }
    }

    /// One GET with curl (a client of its own), failing on anything but 200.
    private static func scrape(_ url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-sS", "--fail", "--max-time", "5", url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ScrapeFailed(status: process.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }

    private struct ScrapeFailed: Error { let status: Int32 }
}
