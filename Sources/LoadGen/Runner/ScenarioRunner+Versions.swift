import Reports

extension ScenarioRunner {
    /// The per-second version sightings of `buckets`, with times relative to `runStart`.
    static func sightings(_ buckets: [SecondBucket], runStart: UInt64) -> [VersionConsistency.Sighting] {
        let relative = { (time: UInt64) in Int64(bitPattern: time &- runStart) }
        return buckets.flatMap { bucket in
            bucket.versions.sorted { $0.key < $1.key }.map { version, seen in
                VersionConsistency.Sighting(
                    second: bucket.second, version: version, count: seen.count, earliestSent: relative(seen.earliestSent),
                    latestSent: relative(seen.latestSent), earliestFinished: relative(seen.earliestFinished),
                    latestFinished: relative(seen.latestFinished))
            }
        }
    }

    /// The model switches the actions made, read back from their results.
    static func switches(_ results: [ActionResult]) -> [VersionConsistency.Switch] {
        results.compactMap { result in
            guard result.succeeded, let started = result.detail["switch_started_ms"].flatMap(Int64.init),
                let answered = result.detail["switch_answered_ms"].flatMap(Int64.init), let version = result.detail["version"]
            else { return nil }
            return VersionConsistency.Switch(
                action: result.index, started: started * 1_000_000, answered: answered * 1_000_000, version: version)
        }
    }

    /// Adds each switch's timing to its action's detail (`first_new_version_after_ms`, `last_old_version_after_ms`).
    static func annotate(_ results: inout [ActionResult], with consistency: VersionConsistency) {
        let ms = { (nanoseconds: Int64) in String(format: "%.1f", Double(nanoseconds) / 1e6) }
        for timing in consistency.timings {
            guard let position = results.firstIndex(where: { $0.index == timing.action }) else { continue }
            results[position].detail["switched_from"] = timing.from ?? "?"
            results[position].detail["first_new_version_after_ms"] = timing.firstNewAfter.map(ms) ?? "none seen"
            results[position].detail["last_old_version_after_ms"] = timing.lastOldAfter.map(ms) ?? "none seen"
        }
    }

    /// One `version_consistency` outcome per rule and phase it covers: inconsistent responses must be 0.
    static func versionOutcomes(
        rules: [SLARule], phases: [PhaseMeasurements], consistency: VersionConsistency, phaseOfSecond: (Int) -> String
    ) -> [SLAOutcome] {
        var outcomes: [SLAOutcome] = []
        for rule in rules where rule.versionConsistency {
            for phase in phases where rule.phase == "*" || rule.phase == phase.name {
                let bad = consistency.violations.filter { phaseOfSecond($0.second) == phase.name }
                let count = bad.reduce(0) { $0 + $1.count }
                let text =
                    count == 0
                    ? "0 inconsistent"
                    : "\(count) inconsistent ("
                        + bad.map { "v\($0.version) ×\($0.count) in second \($0.second)" }.joined(separator: ", ") + ")"
                outcomes.append(
                    SLAOutcome(
                        phase: phase.name, request: rule.request, threshold: "version_consistency", limit: "0", limitValue: 0,
                        observed: Double(count), observedText: text, passed: count == 0, unit: "count"))
            }
        }
        return outcomes
    }
}
