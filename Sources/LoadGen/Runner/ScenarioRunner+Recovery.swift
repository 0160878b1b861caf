import Foundation

extension ScenarioRunner {
    /// The drill for a scenario with `recovery:`: its probes send the scenario's first request with its first
    /// payload, as the load does.
    static func recoveryDrill(
        scenario: Scenario, baseURL: String, replicas: BundledReplicas?, options: RunOptions, runStart: UInt64
    ) -> RecoveryDrill? {
        guard let spec = scenario.recovery, let request = scenario.requests.first else { return nil }
        let baseDirectory =
            scenario.sourceFile?.deletingLastPathComponent() ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let body = (try? PayloadSet.load(request.body, baseDirectory: baseDirectory))?.payloads.first?.bytes ?? []
        let detection = ControlRequest(
            method: request.method, url: baseURL + request.path, headers: request.headers, body: body, timeout: spec.probeTimeout)
        return RecoveryDrill(
            spec: spec, baseURL: baseURL, detection: detection, replicas: replicas, environment: options.environment,
            runStart: runStart)
    }

    /// RTO/RPO limits of a run whose disaster never struck (it ended first): failed, saying so.
    static func unmeasuredRecoveryOutcomes(rules: [SLARule]) -> [SLAOutcome] {
        rules.flatMap { rule -> [SLAOutcome] in
            [
                ("rto", rule.rto.map(ValueSyntax.text)), ("rpo", rule.rpo.map(ValueSyntax.text)),
                ("rpo_writes", rule.rpoWrites.map { "\($0)" }),
            ]
            .compactMap { key, limit in
                limit.map {
                    SLAOutcome(
                        phase: rule.phase, request: nil, threshold: key, limit: $0, limitValue: 0, observed: 0,
                        observedText: "not measured: the run ended before the disaster", passed: false,
                        unit: key == "rpo_writes" ? "count" : "ms")
                }
            }
        }
    }
}
