import ArgumentParser
import Foundation
import LoadGen
import Reports

/// `loadgen suite DIR|FILES...`: several scenarios one after another into one database, with an index page.
struct SuiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suite",
        abstract: "Run several scenarios in turn (a directory means its *.yaml, sorted) and write an index of their reports.",
        discussion: """
            Every file is validated before any runs. Exit code: the worst of the runs' (3 could not run > 2 invalid \
            > 1 SLA breached > 0 passed); an invalid file exits 2 before anything runs; an interrupted run (130) \
            stops the suite with 130.
            """)

    @Argument(help: "Scenario files, or directories of them.")
    var paths: [String]

    @Option(help: "Results database (SQLite) every run goes into.")
    var db: String = "results/loadgen.sqlite"

    @Option(name: .customLong("report-dir"), help: "Where the reports and index.html go (default results/suite-<timestamp>/).")
    var reportDirectory: String?

    @Option(help: "Aim every scenario at this URL instead of its own target.")
    var target: String?

    @Option(
        name: .customLong("allow-host"), help: "Allow scenarios' own url targets to name this non-loopback host (repeatable).")
    var allowHost: [String] = []

    @Option(name: .customLong("duration-scale"), help: "Multiply every duration of every scenario, e.g. 0.1.")
    var durationScale: Double = 1

    @Option(help: "Event loops (threads) for the load engine.")
    var loops: Int = 1

    @Option(help: "The targetservice executable for bundled targets.")
    var targetservice: String?

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("Pass at least one scenario file or directory.") }
        guard loops >= 1 else { throw ValidationError("--loops must be at least 1 (got \(loops))") }
        guard durationScale > 0, durationScale.isFinite else {
            throw ValidationError("--duration-scale must be a positive number such as 0.1 (got \(durationScale))")
        }
    }

    func run() async throws {
        let (files, missing) = Self.expand(paths)
        var problems = missing
        let plans = files.map(options(for:))
        for plan in plans {
            if let problem = ScenarioRunner.validationProblem(plan) { problems.append(problem) }
        }
        if files.isEmpty, problems.isEmpty {
            problems.append(
                "No *.yaml files in \(paths.joined(separator: ", ")). Pass scenario files or a directory holding them.")
        }
        guard problems.isEmpty else {
            throw CommandFailure.usage("the suite was not started; fix these first:\n  " + problems.joined(separator: "\n  "))
        }

        let startedAt = Date()
        let directory = reportDirectory ?? "results/suite-\(Self.timestamp(startedAt))"
        var entries: [SuiteEntry] = []
        var worst: Int32 = 0
        // Watched for the whole suite: each run watches for itself, and a Ctrl-C or SIGTERM between two scenarios
        // must stop the suite too, not be lost while the next one starts.
        let interrupts = InterruptSignals.install()
        defer { interrupts.uninstall() }
        for (index, var plan) in plans.enumerated() {
            if interrupts.isInterrupted {
                FileHandle.standardError.write(Data("loadgen: interrupted; \(plans.count - index) scenario(s) not run\n".utf8))
                worst = RunExitCode.interrupted.rawValue
                break
            }
            let report =
                String(format: "%02d-", index + 1)
                + URL(fileURLWithPath: plan.scenarioPath).deletingPathExtension().lastPathComponent + ".html"
            plan.reportPath = (directory as NSString).appendingPathComponent(report)
            let result = await ScenarioRunner.run(plan)
            if !result.summary.isEmpty { print(result.summary) }
            // Piped into a CI log, stdout is block-buffered: each summary should show when its scenario ends.
            fflush(nil)
            if let message = result.message {
                FileHandle.standardError.write(Data("loadgen: \(plan.scenarioPath): \(message)\n".utf8))
            }
            let written = FileManager.default.fileExists(atPath: plan.reportPath ?? "")
            entries.append(
                SuiteEntry(
                    scenarioFile: plan.scenarioPath,
                    name: Self.scenarioName(runID: result.runID, database: db)
                        ?? URL(fileURLWithPath: plan.scenarioPath).lastPathComponent, runID: result.runID,
                    exitCode: result.exitCode.rawValue, reportPath: written ? report : nil, message: result.message))
            if result.exitCode == .interrupted {
                worst = RunExitCode.interrupted.rawValue
                break
            }
            worst = Self.worse(worst, result.exitCode.rawValue)
        }
        let index = (directory as NSString).appendingPathComponent("index.html")
        try StoreAccess.write(
            try SuiteIndex.render(title: "loadgen suite", entries: entries, startedAt: startedAt, exitCode: worst), to: index)
        print("suite: \(entries.count) of \(plans.count) scenario(s) run, \(entries.filter { $0.exitCode == 0 }.count) passed")
        print("index: \(index)")
        if worst != 0 { throw ExitCode(worst) }
    }

    private func options(for file: String) -> RunOptions {
        var options = RunOptions(scenarioPath: file)
        options.target = target
        options.allowedHosts = allowHost
        options.databasePath = db
        options.loops = loops
        options.durationScale = durationScale
        options.targetServiceExecutable = targetservice
        options.progress = quiet ? .quiet : .automatic
        return options
    }

    /// Files as given, directories as their *.yaml / *.yml sorted by name; paths that do not exist as problems.
    static func expand(_ paths: [String]) -> (files: [String], problems: [String]) {
        var files: [String] = []
        var problems: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append("\(path): no such file or directory")
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
        return (files, problems)
    }

    /// 3 > 2 > 1 > 0: a run that could not happen outweighs an invalid one, which outweighs a breach.
    static func worse(_ a: Int32, _ b: Int32) -> Int32 {
        let rank = { (code: Int32) -> Int32 in (0...3).contains(code) ? code : 3 }
        return rank(b) > rank(a) ? b : a
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }

    /// The scenario's own name, as the run stored it.
    private static func scenarioName(runID: Int64?, database: String) -> String? {
        guard let runID, let store = try? ResultsStore.open(path: database) else { return nil }
        return try? store.run(id: runID)?.name
    }
}
