import Foundation
import Yams

/// Turns a composed YAML tree into a `Scenario`, reporting every problem (with its position) to `diagnostics`
/// rather than stopping at the first, and returning nil if there was any.
struct ScenarioParser {
    let diagnostics: ScenarioDiagnostics
    /// Payload globs and golden files are relative to this directory (the scenario file's).
    let baseDirectory: URL
    let environment: [String: String]
    let sourceFile: URL?

    static let topLevelKeys = [
        "name", "description", "target", "options", "data", "requests", "phases", "sla", "actions", "recovery", "chaos",
    ]
    /// Keys later versions of the format add; named as unsupported rather than as typos.
    static let laterVersionKeys: [String] = []

    func scenario(from root: Node) -> Scenario? {
        let document = ScenarioField(node: root, path: .root, diagnostics: diagnostics)
        guard case .mapping = root else {
            diagnostics.report(
                "a scenario must be a mapping with the keys name, target, requests and phases, not \(document.written)",
                at: root, path: .root)
            return nil
        }
        guard let top = document.mapping(keys: Self.topLevelKeys, unsupported: Self.laterVersionKeys) else { return nil }
        let name = top.required("name")?.identifier()
        let description = top["description"]?.string() ?? ""
        let (target, tls) = top.required("target").map(self.target(from:)) ?? (nil, nil)
        let options = top["options"].flatMap(self.options(from:)) ?? EngineOptions()
        let feeds = top["data"].flatMap(self.dataFeeds(from:))
        let requests = top.required("requests").map { self.requests(from: $0, feeds: feeds ?? []) }
        let phases = top.required("phases").map(self.phases(from:))
        let references = SLAReferences(
            phases: phases?.names ?? [], requests: requests?.names ?? [],
            checkPhases: phases != nil, checkRequests: requests != nil)
        let sla = top["sla"].flatMap { slaRules(from: $0, references: references) } ?? []
        let actions =
            top["actions"].flatMap {
                self.actions(from: $0, target: target, runLength: phases?.specs.map { $0.reduce(.zero) { $0 + $1.duration } })
            } ?? []
        let recovery = top["recovery"].flatMap { self.recovery(from: $0, target: target) }
        let chaos = top["chaos"].flatMap {
            self.chaos(from: $0, target: target, runLength: phases?.specs.map { $0.reduce(.zero) { $0 + $1.duration } })
        }
        checkRecoveryReferences(top: top, sla: sla, actions: actions, recovery: recovery)

        guard diagnostics.errors.isEmpty, let name, let target,
            let requests = requests?.specs, let phases = phases?.specs
        else { return nil }
        return Scenario(
            name: name, description: description, target: target, requests: requests, phases: phases, sla: sla,
            options: options, actions: actions, recovery: recovery, chaos: chaos, tls: tls, data: feeds ?? [],
            sourceFile: sourceFile)
    }

    /// RTO/RPO limits need the drill that measures them, and the drill needs a disaster to measure.
    private func checkRecoveryReferences(top: ScenarioMapping, sla: [SLARule], actions: [ActionSpec], recovery: RecoverySpec?) {
        let hasDisaster = actions.contains { if case .disaster = $0.action { true } else { false } }
        if top.has("recovery"), recovery != nil, !hasDisaster {
            top["recovery"]?.fail(
                "measures recovery from a disaster, but actions has no 'do: disaster'; add one (e.g. { at: 30s, do: disaster })")
        }
        if !top.has("chaos"), sla.contains(where: { $0.recovery != nil || $0.steadyState }) {
            top["sla"]?.fail(
                "recovery and steady_state are judged by the chaos experiment; add a 'chaos:' block (and steady_state probes for steady_state)"
            )
        }
        if !top.has("recovery"), sla.contains(where: { $0.rto != nil || $0.rpo != nil || $0.rpoWrites != nil }) {
            top["sla"]?.fail(
                "rto, rpo and rpo_writes are measured by the disaster-recovery drill; add a 'recovery:' block and a 'do: disaster' action"
            )
        }
    }
}
