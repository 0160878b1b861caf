import Reports

/// How one scheduled action went: when it started on the run's clock, how long it took, and what it recorded.
public struct ActionResult: Sendable {
    public var index: Int
    public var spec: ActionSpec
    public var startedAtMs: Int64
    public var durationMs: Int64
    /// Nil when it succeeded.
    public var failure: String?
    public var detail: [String: String]

    public var succeeded: Bool { failure == nil }

    /// The stored event: kind `action`, name the `do:` value, outcome `ok` or `failed`.
    public var event: EventRecord {
        var detail = self.detail
        detail["at"] = "\(spec.at)"
        detail["scheduled_ms"] = "\(spec.at.milliseconds)"
        if let failure { detail["message"] = failure }
        if spec.continueOnFailure { detail["continue_on_failure"] = "true" }
        return EventRecord(
            atMs: startedAtMs, kind: "action", name: spec.action.name, detail: detail, durationMs: durationMs,
            outcome: succeeded ? "ok" : "failed")
    }

    /// One line for the summary: `actions[2] model.activate at 3s: failed after 12ms — …`.
    public var summaryLine: String {
        let verdict = succeeded ? "ok" : "FAILED\(spec.continueOnFailure ? " (continue_on_failure)" : "")"
        var line = "actions[\(index)] \(spec.action.name) at \(startedAtMs)ms: \(verdict) in \(durationMs)ms"
        if let version = detail["version"], let firstNew = detail["first_new_version_after_ms"] {
            let old = detail["switched_from"] ?? "?"
            let after = { (value: String?) in value.flatMap(Double.init).map { "+\(String(format: "%.1f", $0))ms" } ?? "none seen"
            }
            line += "; v\(old) → v\(version) from the switch's start: first v\(version) response \(after(firstNew))"
            line += ", last v\(old) response \(after(detail["last_old_version_after_ms"]))"
        }
        return line + (failure.map { " — \($0)" } ?? "")
    }
}
