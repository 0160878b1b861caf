import Foundation

/// Everything `loadgen run` takes from its command line.
public struct RunOptions: Sendable {
    public var scenarioPath: String
    /// `--target URL`: replaces the scenario's target, and allows that host even when it is not loopback.
    public var target: String?
    /// `--allow-host HOST`: non-loopback hosts the scenario's own `url` target may name.
    public var allowedHosts: [String] = []
    public var databasePath: String = "results/loadgen.sqlite"
    public var reportPath: String?
    public var jsonPath: String?
    /// `--junit FILE`: the SLA thresholds as JUnit XML (written for aborted runs too).
    public var junitPath: String?
    public var loops: Int = 1
    /// Multiplies every duration of the scenario (CI runs short forms with e.g. 0.1).
    public var durationScale: Double = 1
    /// `--targetservice PATH` for bundled targets.
    public var targetServiceExecutable: String?
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    public var commandLine: String = CommandLine.arguments.joined(separator: " ")
    /// Live progress line even when stderr is not a terminal (tests), or never (`--quiet`).
    public var progress: ProgressMode = .automatic
    /// `--segment K/N`: this instance's part of a scenario split across N generators (`ExecutionSegment`).
    public var segment: ExecutionSegment = .whole
    /// `--start-at`: the wall-clock instant the schedule starts from, so generators on several machines start
    /// together (their clocks synchronized, e.g. by NTP).
    public var startAt: Date?
    /// `--metrics-listen ADDR`: serve the run's live numbers as Prometheus text on `/metrics` while it lasts.
    public var metricsListen: String?

    public init(scenarioPath: String) {
        self.scenarioPath = scenarioPath
    }
}

/// How `loadgen run` shows progress while it runs.
public enum ProgressMode: Sendable {
    /// A live line on a terminal, plain lines every 10 s otherwise.
    case automatic
    case plain
    case quiet
}
