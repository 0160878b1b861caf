import Foundation
import Reports

/// What a disaster-recovery drill measured, as stored events (drawn on the report's timeline), SLA outcomes and
/// one summary line.
public struct RecoveryReport: Sendable {
    /// The canary could not be read back, so RPO is unknown (and judged as failed).
    struct ReadBackFailure: Error {
        var message: String
    }

    public var measurement: RecoveryMeasurement
    public var disasterAtMs: Int64
    public var consecutive: Int
    public var probes: Int
    public var lastProbeFailure: String?
    public var canaryWrites: Int
    public var readBackProblem: String?
    public var versionBefore: String?
    public var versionAfter: String?
    /// What the restore's integrity check said, nil when no restore ran.
    public var integrity: String?

    private static func seconds(_ milliseconds: Int64) -> String { String(format: "%.2fs", Double(milliseconds) / 1000) }

    /// `rto` spans disaster → recovered; `rpo` spans the oldest lost acknowledgement → disaster.
    public var events: [EventRecord] {
        var rto: [String: String] = [
            "consecutive_probes": "\(consecutive)", "probes": "\(probes)", "version_before": versionBefore ?? "unknown",
            "version_after": versionAfter ?? "unknown", "integrity_check": integrity ?? "no restore ran",
        ]
        if let value = measurement.rtoMs {
            rto["rto_ms"] = "\(value)"
        } else {
            rto["message"] = "not recovered: \(lastProbeFailure ?? "no probe succeeded")"
        }
        var rpo: [String: String] = [
            "acknowledged_writes": "\(measurement.acknowledgedWrites)", "lost_writes": "\(measurement.lostSequences.count)",
            "rpo_ms": "\(measurement.rpoMs)", "canary_writes": "\(canaryWrites)",
        ]
        if !measurement.lostSequences.isEmpty {
            rpo["lost_sequences"] =
                measurement.lostSequences.prefix(20).map(String.init).joined(separator: ",")
                + (measurement.lostSequences.count > 20 ? ",…" : "")
        }
        if let readBackProblem { rpo["message"] = readBackProblem }
        return [
            EventRecord(
                atMs: disasterAtMs, kind: "recovery", name: "rto", detail: rto, durationMs: measurement.rtoMs,
                outcome: measurement.rtoMs == nil ? "failed" : "ok"),
            EventRecord(
                atMs: measurement.oldestLostAcknowledgedAtMs ?? disasterAtMs, kind: "recovery", name: "rpo", detail: rpo,
                durationMs: measurement.rpoMs, outcome: readBackProblem == nil ? "ok" : "failed"),
        ]
    }

    /// `recovery: RTO 2.41s (3 probes in a row) · RPO 7 of 150 acknowledged writes lost, 1.60s · integrity ok · version 1 → 1`.
    public var summaryLine: String {
        let rto =
            measurement.rtoMs.map { "RTO \(Self.seconds($0)) (\(consecutive) probes in a row)" }
            ?? "RTO: not recovered (\(lastProbeFailure ?? "no probe succeeded"))"
        let rpo =
            readBackProblem.map { "RPO unknown: \($0)" }
            ?? "RPO \(measurement.lostSequences.count) of \(measurement.acknowledgedWrites) acknowledged writes lost, \(Self.seconds(measurement.rpoMs))"
        return
            "recovery: \(rto) · \(rpo) · integrity_check \(integrity ?? "not run") · model version \(versionBefore ?? "?") → \(versionAfter ?? "?")\n"
    }

    /// The rules' `rto`, `rpo` and `rpo_writes` limits judged against this drill, labelled with `phase` (the phase
    /// the disaster struck in).
    public func outcomes(rules: [SLARule], phase: String) -> [SLAOutcome] {
        var outcomes: [SLAOutcome] = []
        for rule in rules {
            let label = rule.phase == "*" ? phase : rule.phase
            if let limit = rule.rto {
                let limitMs = Double(limit.milliseconds)
                let observed = measurement.rtoMs.map(Double.init)
                outcomes.append(
                    SLAOutcome(
                        phase: label, request: nil, threshold: "rto", limit: ValueSyntax.text(limit), limitValue: limitMs,
                        observed: observed ?? 0, observedText: measurement.rtoMs.map(Self.seconds) ?? "not recovered",
                        passed: observed.map { $0 <= limitMs } ?? false, unit: "ms"))
            }
            if let limit = rule.rpo {
                let limitMs = Double(limit.milliseconds)
                outcomes.append(
                    SLAOutcome(
                        phase: label, request: nil, threshold: "rpo", limit: ValueSyntax.text(limit), limitValue: limitMs,
                        observed: Double(measurement.rpoMs),
                        observedText: readBackProblem == nil ? Self.seconds(measurement.rpoMs) : "unknown (canary not read back)",
                        passed: readBackProblem == nil && Double(measurement.rpoMs) <= limitMs, unit: "ms"))
            }
            if let limit = rule.rpoWrites {
                let lost = measurement.lostSequences.count
                outcomes.append(
                    SLAOutcome(
                        phase: label, request: nil, threshold: "rpo_writes", limit: "\(limit)", limitValue: Double(limit),
                        observed: Double(lost),
                        observedText: readBackProblem == nil
                            ? "\(lost) of \(measurement.acknowledgedWrites) lost" : "unknown (canary not read back)",
                        passed: readBackProblem == nil && lost <= limit, unit: "count"))
            }
        }
        return outcomes
    }
}
