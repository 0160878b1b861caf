import Foundation
import GRDB
import Testing

extension ScenarioRuns {
    /// The schedule starts when the engine can send: setup work before the first request (here a `git` that takes
    /// 1.5 s to answer) must not turn into a catch-up burst in second 0. It judges timing, so it runs with the other
    /// scenario runs, one at a time.
    @Suite struct ScheduleStartTests {
        @Test func theFirstSecondOfAThousandPerSecondPhaseSendsAThousand() async throws {
            let directory = try TemporaryDirectory()
            // loadgen asks `git` for the revision it ran; this one is slow, as on a cold cache or a network file system.
            let bin = directory.url.appendingPathComponent("bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            _ = try directory.script("bin/git", "sleep 1.5; exit 1")
            let path = "\(bin.path):\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")"
            try await NginxServer.with(serverDirectives: #"location / { return 200 "ok\n"; }"#, logsArrivals: true) { nginx in
                let file = try directory.write(
                    "steady.yaml",
                    """
                    name: schedule-start
                    target: { url: "\(nginx.baseURL)" }
                    requests:
                      - { name: r, method: GET, path: "/" }
                    phases:
                      - { name: steady, duration: 2s, arrival: { rate: 1000/s } }
                    """)
                let database = directory.path("results.sqlite")
                let outcome = try await LoadGenProcess.run(
                    ["run", file, "--quiet", "--db", database], in: directory.url, environment: ["PATH": path])
                #expect(outcome.exitCode == 0, "\(outcome)")

                // The engine's own count of second 0, and the server's count of the first second after the first arrival.
                let firstSecond = try await DatabaseQueue(path: database).read { db in
                    try Int.fetchOne(db, sql: "SELECT sent FROM seconds WHERE second = 0 AND run_id = (SELECT MAX(id) FROM runs)")
                }
                #expect((990...1010).contains(firstSecond ?? 0), "second 0 sent \(firstSecond ?? 0)")
                let arrivals = nginx.loggedArrivals.sorted()
                let first = try #require(arrivals.first)
                let atTheServer = arrivals.filter { $0 < first + 1.0 }.count
                #expect((990...1010).contains(atTheServer), "nginx logged \(atTheServer) requests in the first second")
            }
        }
    }
}
