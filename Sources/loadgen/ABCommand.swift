import ArgumentParser
import Foundation
import LoadGen
import Reports

/// `loadgen ab`: an interleaved A/B session — short slices of one scenario against the baseline and the candidate in
/// turn (A B, B A, A B, …), every slice stored as a run, the rounds judged by their paired differences.
struct ABCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ab",
        abstract:
            "Compare two builds in one session: alternate slices of a scenario between them and gate the paired differences.",
        discussion: """
            Each round runs the scenario once against each side, at --duration-scale divided by --rounds, in the \
            order A B, then B A, and so on, so drift of the machine during the session hits both sides alike. A side \
            is a URL (the scenario's target is replaced) or a targetservice executable (for scenarios with a \
            bundled target: each slice starts that build). Every slice is stored as a run and added to the tags \
            NAME-baseline and NAME-candidate (--tag). A metric regresses when its mean change over the rounds is \
            worse than the margin and its whole confidence interval lies on the worse side of no change \
            (docs/results.md, "Interleaved A/B"). Exit codes: 0 no regression; 1 regression; 2 usage or unlike \
            runs; 3 a slice could not run; 130 interrupted.
            """)

    @Argument(help: "Scenario file (YAML).")
    var scenario: String

    @Option(help: "Side A: a URL, or a targetservice executable for a bundled scenario.")
    var baseline: String

    @Option(help: "Side B, judged against A: a URL, or a targetservice executable.")
    var candidate: String

    @Option(help: "Rounds (each one slice per side); at least 3.")
    var rounds: Int = 6

    @Option(
        name: .customLong("duration-scale"),
        help: "Scale of the whole session per side; each slice runs at this divided by --rounds.")
    var durationScale: Double = 1

    @Option(help: "Name of the session's tags: NAME-baseline and NAME-candidate (default ab-<timestamp>).")
    var tag: String?

    @Option(help: "Results database (SQLite).")
    var db: String = "results/loadgen.sqlite"

    @OptionGroup var gate: GateOptions

    @Option(help: "Event loops (threads) for the load engine.")
    var loops: Int = 1

    @Flag(help: "No per-slice progress lines.")
    var quiet = false

    func validate() throws {
        guard rounds >= 3 else {
            throw ValidationError("--rounds must be at least 3 (got \(rounds)): fewer rounds cannot tell a change from noise")
        }
        guard loops >= 1 else { throw ValidationError("--loops must be at least 1 (got \(loops))") }
        if let tag, !ResultsStore.isValidTagName(tag + "-candidate") {
            throw ValidationError(
                "--tag '\(tag)': use letters, digits, '.', '_' or '-', not starting with a digit, at most 54 characters")
        }
        guard durationScale > 0, durationScale.isFinite else {
            throw ValidationError("--duration-scale must be a positive number such as 0.5 (got \(durationScale))")
        }
    }

    func run() async throws {
        let sides = try [ABSide(baseline, option: "--baseline"), ABSide(candidate, option: "--candidate")]
        try checkSides(sides)
        let name = tag ?? "ab-" + SuiteCommand.timestamp(Date())
        // Watched for the whole session: each slice watches for itself, and a Ctrl-C or SIGTERM between two slices
        // must end the session too, not be lost while the next slice starts.
        let interrupts = InterruptSignals.install()
        defer { interrupts.uninstall() }
        var pairs: [(baseline: Int64?, candidate: Int64?)] = Array(repeating: (nil, nil), count: rounds)
        var stored = 0
        for round in 0..<rounds {
            // A B, then B A: a drift within a round falls on both sides alike over two rounds.
            for side in round % 2 == 0 ? [0, 1] : [1, 0] {
                try stopIfInterrupted(interrupts, stored: stored, tag: name)
                let runID = try await slice(sides[side], round: round, isCandidate: side == 1, tag: name)
                if side == 0 { pairs[round].baseline = runID } else { pairs[round].candidate = runID }
                stored += 1
            }
        }
        try stopIfInterrupted(interrupts, stored: stored, tag: name)
        let store = try StoreAccess.openExisting(db)
        let report = try gate.judge {
            try GateReport(
                store: store, rounds: pairs.map { ($0.baseline!, $0.candidate!) }, settings: gate.settings,
                allowDifferentLoad: gate.allowDifferent)
        }
        try gate.publish(report, footer: "runs: tags '\(name)-baseline' and '\(name)-candidate' in \(db)")
    }

    /// Ends the session with 130 when a signal arrived since the last slice; the slices run so far stay stored.
    private func stopIfInterrupted(_ interrupts: InterruptSignals, stored: Int, tag: String) throws {
        guard interrupts.isInterrupted else { return }
        FileHandle.standardError.write(
            Data(
                "loadgen: interrupted; \(stored) of \(2 * rounds) slice(s) stored under the tags '\(tag)-baseline' and '\(tag)-candidate' in \(db), not judged\n"
                    .utf8))
        throw ExitCode(RunExitCode.interrupted.rawValue)
    }

    /// Runs one slice and stores it under the side's tag; a slice that cannot run ends the session.
    private func slice(_ side: ABSide, round: Int, isCandidate: Bool, tag: String) async throws -> Int64 {
        var options = RunOptions(scenarioPath: scenario)
        options.databasePath = db
        options.loops = loops
        options.durationScale = durationScale / Double(rounds)
        options.progress = .quiet
        switch side {
        case .url(let url): options.target = url
        case .executable(let path): options.targetServiceExecutable = path
        }
        let label = "round \(round + 1)/\(rounds) \(isCandidate ? "candidate" : "baseline")"
        let result = await ScenarioRunner.run(options)
        if let message = result.message { FileHandle.standardError.write(Data("loadgen: \(label): \(message)\n".utf8)) }
        switch result.exitCode {
        case .interrupted: throw ExitCode(RunExitCode.interrupted.rawValue)
        case .invalidScenario: throw ExitCode(RunExitCode.invalidScenario.rawValue)
        case .couldNotRun: throw ExitCode(RunExitCode.couldNotRun.rawValue)
        case .passed, .slaBreached: break
        }
        guard let runID = result.runID else { throw CommandFailure.cannotRead("\(label) stored no run") }
        let store = try StoreAccess.openExisting(db)
        do {
            try store.addToTag(runID: runID, name: "\(tag)-\(isCandidate ? "candidate" : "baseline")")
        } catch {
            throw CommandFailure.usage("--tag '\(tag)': \(error)")
        }
        if !quiet {
            print(
                "\(label): run \(runID)\(result.exitCode == .slaBreached ? " (an SLA failed; the gate judges the comparison)" : "")"
            )
            // Piped into a CI log, stdout is block-buffered: each slice's line should show when the slice ends.
            fflush(nil)
        }
        return runID
    }

    /// Both sides must be usable with the scenario before anything runs.
    private func checkSides(_ sides: [ABSide]) throws {
        let loaded: Scenario
        do {
            loaded = try ScenarioLoader.load(file: URL(fileURLWithPath: scenario))
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        for (side, option) in zip(sides, ["--baseline", "--candidate"]) {
            if case .executable(let path) = side, case .url = loaded.target {
                throw CommandFailure.usage(
                    """
                    \(option) '\(path)' is a targetservice executable, but \(scenario) aims at a URL, not a bundled \
                    target. Pass URLs for both sides, or use a scenario with `target: { bundled: … }`.
                    """)
            }
        }
        var options = RunOptions(scenarioPath: scenario)
        options.durationScale = durationScale / Double(rounds)
        if case .url(let url) = sides[0] { options.target = url }
        if let problem = ScenarioRunner.validationProblem(options) { throw CommandFailure.usage(problem) }
    }
}

/// One side of an A/B session: a URL to aim at, or a targetservice build to start for each slice.
enum ABSide {
    case url(String)
    case executable(String)

    init(_ text: String, option: String) throws {
        if text.contains("://") {
            self = .url(text)
            return
        }
        guard FileManager.default.isExecutableFile(atPath: text) else {
            throw CommandFailure.usage(
                """
                \(option) '\(text)' is neither a URL (http://host:port) nor an executable file. Pass the service's URL, \
                or the path of a targetservice binary for a bundled scenario.
                """)
        }
        self = .executable(text)
    }
}
