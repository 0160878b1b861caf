import Foundation

extension GateReport {
    /// The terminal table: one line per phase × request × metric, then the verdict.
    public func table() -> String {
        var lines = [heading, ""]
        let header = [
            "phase", "request", "metric", "baseline", "candidate", "change", method == .history ? "same-build range" : "interval",
            "verdict",
        ]
        var rows = [header]
        for result in results {
            rows.append([
                result.phase, result.request, result.metric.rawValue, Self.value(result.baseline, result.metric),
                Self.value(result.candidate, result.metric), Self.change(result.change, result.metric),
                "\(Self.change(result.low, result.metric)) … \(Self.change(result.high, result.metric))",
                result.verdict == .regressed ? "REGRESSED" : result.verdict.rawValue.replacingOccurrences(of: "_", with: " "),
            ])
        }
        lines.append(String(TextTable.render(rows).dropLast()))
        if !unmatchedPhases.isEmpty {
            lines.append("\nnot compared (not in every run): \(unmatchedPhases.joined(separator: ", "))")
        }
        for note in notes { lines.append("\nnote: \(note)") }
        let regressed = regressions
        lines.append("")
        lines.append(
            regressed.isEmpty
                ? "PASSED: no metric regressed beyond \(Self.percent(settings.margin)) and run-to-run noise"
                : "FAILED: \(regressed.count) metric(s) regressed: "
                    + regressed.map { "\($0.phase) \($0.metric.rawValue)" }.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// What was compared with what, and how.
    private var heading: String {
        let runs = { (references: [RunReference]) in references.map { String($0.id) }.joined(separator: ", ") }
        let common = "margin \(Self.percent(settings.margin)), \(Self.percent(settings.confidence, digits: 0)) confidence"
        switch method {
        case .bootstrap:
            return
                "gate: candidate run \(candidate.id) (\(candidate.name)) against baseline run \(baseline.id) (\(baseline.name)), \(common), \(settings.resamples) block-bootstrap resamples"
        case .history:
            return
                candidateRuns.count == 1
                ? "gate: candidate run \(candidate.id) (\(candidate.name)) against \(baselineRuns.count) baseline runs (\(runs(baselineRuns))), \(common); a run fails a metric beyond the margin and beyond the spread of the baseline runs"
                : "gate: the mean of \(candidateRuns.count) candidate runs (\(runs(candidateRuns)), \(candidate.name)) against \(baselineRuns.count) baseline run(s) (\(runs(baselineRuns))), \(common); a metric fails beyond the margin and beyond what the runs' spread allows a difference of means"
        case .interleaved:
            return
                "gate: \(candidateRuns.count) interleaved rounds of \(candidate.name), baseline runs \(runs(baselineRuns)), candidate runs \(runs(candidateRuns)), \(common); judged on the rounds' paired differences"
        }
    }

    static func value(_ value: Double, _ metric: ComparedMetric) -> String {
        if let beyond = metric.beyondRangeText(value) { return beyond }
        return metric.isLatency ? String(format: "%.2fms", value / 1000) : percent(value, digits: 2)
    }

    /// Latency changes are ratios shown as ±%; error-rate changes are differences in percentage points.
    static func change(_ change: Double, _ metric: ComparedMetric) -> String {
        metric.isLatency ? String(format: "%+.1f%%", (change - 1) * 100) : String(format: "%+.2fpp", change * 100)
    }

    static func percent(_ ratio: Double, digits: Int = 1) -> String {
        String(format: "%.\(digits)f%%", ratio * 100)
    }
}
