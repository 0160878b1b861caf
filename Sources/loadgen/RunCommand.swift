import ArgumentParser
import Foundation
import LoadGen

/// `loadgen run FILE.yaml`: one scenario, end to end.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and judge it against its SLAs.",
        discussion: """
            Exit codes: 0 every SLA met; 1 an SLA breached (or aborted by abort_on_fail); 2 invalid scenario or \
            usage; 3 could not run (target never ready, store not writable, payload unreadable); 130 interrupted.
            """
    )

    @Argument(help: "Scenario file (YAML); see docs/scenarios.md.")
    var scenario: String

    @Option(help: "Aim at this URL instead of the scenario's target; also allows that host if it is not loopback.")
    var target: String?

    @Option(
        name: .customLong("allow-host"), help: "Allow the scenario's own url target to name this non-loopback host (repeatable).")
    var allowHost: [String] = []

    @OptionGroup var output: RunOutputOptions

    @Option(help: "Event loops (threads) for the load engine.")
    var loops: Int = 1

    @Option(name: .customLong("duration-scale"), help: "Multiply every duration of the scenario, e.g. 0.1 for a short CI form.")
    var durationScale: Double = 1

    @Option(help: "The targetservice executable for bundled targets (default: next to loadgen, then .build).")
    var targetservice: String?

    @Option(
        help: """
            Run only this part of the scenario, split across N generators: K/N (K from 0) or auto/N (K from \
            JOB_COMPLETION_INDEX, as in a Kubernetes Indexed Job). Together the N parts send exactly the whole \
            schedule; only segment 0 runs actions, faults and probes. See docs/distributed.md.
            """)
    var segment: String?

    @Option(
        name: .customLong("start-at"),
        help: """
            Start the schedule at this instant — RFC 3339 (2026-12-04T10:00:00Z) or Unix milliseconds — so several \
            generators start together. Started late, arrivals already due are counted as dropped, not sent in a burst.
            """)
    var startAt: String?

    @Option(
        name: .customLong("metrics-listen"),
        help: """
            Serve the run's live numbers as Prometheus text on http://ADDR/metrics while it lasts: PORT (on \
            127.0.0.1) or HOST:PORT. See docs/results.md, Live metrics.
            """)
    var metricsListen: String?

    @Flag(help: "No progress output.")
    var quiet = false

    @Flag(name: .customLong("plain-progress"), help: "Plain progress lines every 10 s even on a terminal.")
    var plainProgress = false

    func validate() throws {
        guard loops >= 1 else { throw ValidationError("--loops must be at least 1 (got \(loops))") }
        guard durationScale > 0, durationScale.isFinite else {
            throw ValidationError("--duration-scale must be a positive number such as 0.1 (got \(durationScale))")
        }
    }

    func run() async throws {
        var options = RunOptions(scenarioPath: scenario)
        options.target = target
        options.allowedHosts = allowHost
        options.databasePath = output.db
        options.reportPath = output.report
        options.jsonPath = output.json
        options.junitPath = output.junit
        options.loops = loops
        options.durationScale = durationScale
        options.targetServiceExecutable = targetservice
        options.progress = quiet ? .quiet : plainProgress ? .plain : .automatic
        if let metricsListen {
            do {
                _ = try MetricsListener.parse(metricsListen)
            } catch {
                throw CommandFailure.usage("\(error)")
            }
            options.metricsListen = metricsListen
        }
        if let startAt {
            guard let instant = StartInstant.parse(startAt) else {
                throw CommandFailure.usage(
                    "--start-at '\(startAt)' is neither RFC 3339 (2026-12-04T10:00:00Z) nor Unix milliseconds (1796378400000)")
            }
            options.startAt = instant
        }
        if let segment {
            do {
                options.segment = try ExecutionSegment.parse(segment, environment: options.environment)
            } catch {
                throw CommandFailure.usage("\(error)")
            }
        }
        let result = await ScenarioRunner.run(options)
        if !result.summary.isEmpty { print(result.summary, terminator: "") }
        if let message = result.message {
            FileHandle.standardError.write(Data("loadgen: \(message)\n".utf8))
        }
        if result.exitCode != .passed { throw ExitCode(result.exitCode.rawValue) }
    }
}
