import Foundation

extension JUnitDocument {
    /// `loadgen run --junit FILE`: a `<testsuite>` per phase that ran, a `<testcase>` per SLA threshold of it.
    /// An aborted or interrupted run holds the thresholds judged on what was measured before it stopped, plus one
    /// `run completed` case with an `<error>`, so CI shows the run as broken, not merely slow.
    public init(store: ResultsStore, runID: Int64) throws {
        self.init(try RunSnapshot.load(store: store, runID: runID))
    }

    init(_ snapshot: RunSnapshot) {
        let scenario = snapshot.run.name
        var phaseNames = snapshot.phases.map(\.name)
        for result in snapshot.sla where !phaseNames.contains(result.phase) { phaseNames.append(result.phase) }
        var suites = phaseNames.map { phase in
            Suite(
                name: "\(scenario).\(phase)",
                cases: snapshot.sla.filter { $0.phase == phase }.map { Self.testCase($0, scenario: scenario) },
                properties: [("run_id", "\(snapshot.run.id ?? 0)"), ("target", snapshot.run.target)])
        }
        if let interruption = Self.interruption(snapshot) {
            let run = Case(classname: scenario, name: "run completed", error: interruption)
            if suites.isEmpty {
                suites.append(Suite(name: scenario, cases: [run]))
            } else {
                suites[suites.count - 1].cases.append(run)
            }
        }
        self.init(name: "loadgen run \(snapshot.run.id ?? 0): \(scenario)", suites: suites)
    }

    static func testCase(_ result: SLAResultRecord, scenario: String) -> Case {
        let name = result.request.map { "\(result.threshold) [\($0)]" } ?? result.threshold
        var test = Case(classname: "\(scenario).\(result.phase)", name: name)
        if !result.passed {
            let uncorrected = result.uncorrectedObserved.map { " (uncorrected \(formatted($0, unit: result.unit)))" } ?? ""
            let message = "observed \(result.observedText)\(uncorrected), limit \(result.limitText)"
            test.failure = Problem(
                message: message, type: "SLABreach",
                details: "\(result.phase)\(result.request.map { " / \($0)" } ?? ""): \(result.threshold) \(message)")
        }
        return test
    }

    /// The uncorrected latency in the SLA row's unit, as people read it.
    static func formatted(_ value: Double, unit: String) -> String {
        if unit == "ms", LatencyHistogram.isBeyondRange(value * 1000) { return "failed requests" }
        return switch unit {
        case "ms": String(format: "%.1fms", value)
        case "us": String(format: "%.1fms", value / 1000)
        default: "\(value) \(unit)"
        }
    }

    static func interruption(_ snapshot: RunSnapshot) -> Problem? {
        guard snapshot.run.status == .aborted else { return nil }
        let reasons = snapshot.events.filter { $0.kind == "run" || $0.kind == "sla" }.map(\.name)
        let why = reasons.isEmpty ? "the run ended early" : "the run ended early (\(reasons.joined(separator: ", ")))"
        return Problem(
            message: "\(why); thresholds above were judged on what was measured before it stopped", type: "RunAborted",
            details: "exit code \(snapshot.run.exitCode.map(String.init) ?? "none")")
    }
}
