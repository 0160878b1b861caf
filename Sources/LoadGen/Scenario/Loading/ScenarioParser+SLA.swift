/// `sla:`: thresholds per phase (or every phase, `*`) and optionally per request.
extension ScenarioParser {
    static let thresholdKeys =
        LatencyPercentile.allCases.map(\.key) + ["error_rate", "check_rate", "min_throughput", "max_dropped"]
    /// Limits judged once per run by the disaster-recovery drill rather than per phase.
    static let recoveryKeys = ["rto", "rpo", "rpo_writes"]
    /// Limits judged by the chaos experiment.
    static let chaosLimitKeys = ["recovery", "steady_state"]
    static let slaKeys =
        ["phase", "request"] + thresholdKeys + ["version_consistency"] + recoveryKeys + chaosLimitKeys + [
            "abort_on_fail", "grace",
        ]

    func slaRules(from field: ScenarioField, references: SLAReferences) -> [SLARule]? {
        let checkpoint = diagnostics.checkpoint
        guard let items = field.sequence(of: "SLA rules") else { return nil }
        let rules = items.compactMap { rule(from: $0, references: references) }
        return diagnostics.hasErrors(since: checkpoint) ? nil : rules
    }

    private func rule(from field: ScenarioField, references: SLAReferences) -> SLARule? {
        let checkpoint = diagnostics.checkpoint
        guard let rule = field.mapping(keys: Self.slaKeys) else { return nil }
        let phase =
            rule["phase"].flatMap {
                reference(from: $0, kind: "phase", among: references.phases, check: references.checkPhases, allowsAll: true)
            } ?? "*"
        let request = rule["request"].flatMap {
            reference(from: $0, kind: "request", among: references.requests, check: references.checkRequests, allowsAll: false)
        }
        let thresholds = rule.keys.filter(Self.thresholdKeys.contains).compactMap { key in
            rule[key].flatMap { threshold(key, from: $0) }
        }
        let everyLimit = Self.thresholdKeys + ["version_consistency"] + Self.recoveryKeys + Self.chaosLimitKeys
        if rule.present(everyLimit).isEmpty {
            field.fail("needs at least one threshold: \(everyLimit.joined(separator: ", "))")
        }
        let versionConsistency = rule["version_consistency"]?.bool() ?? false
        let defaults = SLARule(thresholds: [])
        let abortOnFail = rule["abort_on_fail"]?.bool() ?? defaults.abortOnFail
        let grace = rule["grace"]?.duration(positive: false) ?? defaults.grace
        guard !diagnostics.hasErrors(since: checkpoint) else { return nil }
        return SLARule(
            phase: phase, request: request, thresholds: thresholds, abortOnFail: abortOnFail, grace: grace,
            versionConsistency: versionConsistency, rto: rule["rto"]?.duration(), rpo: rule["rpo"]?.duration(positive: false),
            rpoWrites: rule["rpo_writes"]?.int(atLeast: 0), recovery: rule["recovery"]?.duration(positive: false),
            steadyState: rule["steady_state"]?.bool() ?? false)
    }

    private func reference(
        from field: ScenarioField, kind: String, among names: [String], check: Bool, allowsAll: Bool
    ) -> String? {
        guard let name = field.scalar(expected: "a \(kind) name") else { return nil }
        guard check, !(allowsAll && name == "*"), !names.contains(name) else { return name }
        let known = (allowsAll ? ["*"] : []) + names
        field.fail(
            "no \(kind) named '\(name)' (\(kind)s: \(known.joined(separator: ", ")))",
            suggestion: Suggestion.nearest(to: name, among: names))
        return nil
    }

    private func threshold(_ key: String, from field: ScenarioField) -> Threshold? {
        if let percentile = LatencyPercentile(rawValue: key) {
            return field.duration().map { .latency(percentile: percentile, limit: $0) }
        }
        switch key {
        case "error_rate": return field.percentage().map(Threshold.errorRate)
        case "check_rate": return field.percentage().map(Threshold.checkRate)
        case "min_throughput": return field.rate().map(Threshold.minThroughput)
        case "max_dropped": return field.int(atLeast: 0).map(Threshold.maxDropped)
        default: return nil
        }
    }
}
