import Foundation

/// The report's header: what ran, against what, where and when, and the verdict in words and colour.
struct HeaderView {
    /// One labelled fact of the run.
    struct Fact {
        var label: String
        var value: String
        var isCode = false
    }

    var name: String
    var description: String
    var hasDescription: Bool
    /// `passed`, `failed`, `aborted` or `running`: the CSS class that colours the verdict.
    var status: String
    var verdict: String
    var facts: [Fact]

    init(snapshot: RunSnapshot, tags: [String]) {
        let run = snapshot.run
        name = run.name
        description = run.description
        hasDescription = !run.description.isEmpty
        status = run.status.rawValue
        let breached = snapshot.sla.filter { !$0.passed }.count
        verdict =
            switch run.status {
            case .passed: "PASSED — every SLA met (\(snapshot.sla.count) thresholds)"
            case .failed: "FAILED — \(breached) of \(snapshot.sla.count) SLA thresholds breached"
            case .aborted: "ABORTED — the run ended early; figures cover only what was recorded"
            case .running: "RUNNING — the run has not finished"
            }
        facts = [
            Fact(label: "Run", value: "\(run.id ?? 0)"),
            Fact(label: "Target", value: run.target),
            Fact(label: "Scenario file", value: run.scenarioFile),
            Fact(label: "Git revision", value: run.gitRevision ?? "unknown"),
            Fact(label: "Host", value: run.host),
            Fact(label: "Started", value: ReportFormat.date(run.startedAt)),
            Fact(label: "Ended", value: run.endedAt.map(ReportFormat.date) ?? "—"),
            Fact(label: "Duration", value: run.endedAt.map { ReportFormat.duration($0.timeIntervalSince(run.startedAt)) } ?? "—"),
            Fact(label: "Exit code", value: run.exitCode.map { "\($0)" } ?? "—"),
            Fact(label: "Command", value: run.commandLine, isCode: true),
        ]
        if !tags.isEmpty { facts.append(Fact(label: "Tags", value: tags.joined(separator: ", "))) }
        if run.durationScale != 1 {
            facts.append(Fact(label: "Duration scale", value: "\(run.durationScale)× (phases shortened or lengthened)"))
        }
    }
}
