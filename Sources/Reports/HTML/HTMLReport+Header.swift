extension HTMLReport {
    /// Scenario, target, where and when it ran, and the verdict.
    static func header(_ snapshot: RunSnapshot) -> String {
        let run = snapshot.run
        let breached = snapshot.sla.filter { !$0.passed }.count
        let verdict: String = switch run.status {
        case .passed: "PASSED — every SLA met (\(snapshot.sla.count) thresholds)"
        case .failed: "FAILED — \(breached) of \(snapshot.sla.count) SLA thresholds breached"
        case .aborted: "ABORTED — the run ended early; figures cover only what was recorded"
        case .running: "RUNNING — the run has not finished"
        }
        let ended = run.endedAt.map(ReportFormat.date) ?? "—"
        var facts: [(String, String)] = [
            ("Run", "\(run.id ?? 0)"),
            ("Target", HTMLEscaping.escape(run.target)),
            ("Scenario file", HTMLEscaping.escape(run.scenarioFile)),
            ("Host", HTMLEscaping.escape(run.host)),
            ("Git revision", HTMLEscaping.escape(run.gitRevision ?? "—")),
            ("Started", ReportFormat.date(run.startedAt)),
            ("Ended", ended),
            ("Exit code", run.exitCode.map { "\($0)" } ?? "—"),
            ("Command", "<code>\(HTMLEscaping.escape(run.commandLine))</code>"),
        ]
        if run.durationScale != 1 {
            facts.append(("Duration scale", "\(run.durationScale)× (phases shortened or lengthened)"))
        }
        let rows = facts.map { "<tr><th>\($0.0)</th><td>\($0.1)</td></tr>" }.joined(separator: "\n")
        return """
            <header>
            <h1>\(HTMLEscaping.escape(run.name))</h1>
            <p class="description">\(HTMLEscaping.escape(run.description))</p>
            <p class="verdict \(run.status.rawValue)">\(verdict)</p>
            <table class="facts">
            \(rows)
            </table>
            </header>
            """
    }
}
