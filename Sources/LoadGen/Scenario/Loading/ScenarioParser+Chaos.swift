import Chaos
import Yams

/// `chaos:`: either a list of fault steps, or a mapping with the steps under `faults` and the experiment's
/// settings beside them. Each step's fault is built once here through `FaultCatalog`, so a misspelt fault or
/// parameter is reported before anything runs.
extension ScenarioParser {
    static let chaosKeys = [
        "faults", "max_concurrent_faults", "recovery_seconds", "abort", "supervisor", "proxy", "steady_state",
    ]
    static let chaosStepKeys = ["at", "for", "fault", "target"]

    func chaos(from field: ScenarioField, target: TargetSpec?, runLength: Duration?) -> ChaosSpec? {
        let checkpoint = diagnostics.checkpoint
        var spec = ChaosSpec(steps: [])
        let stepsField: ScenarioField?
        if case .sequence = field.node {
            stepsField = field
        } else {
            guard let settings = field.mapping(keys: Self.chaosKeys) else { return nil }
            stepsField = settings.required("faults")
            spec.maxConcurrentFaults = settings["max_concurrent_faults"]?.int(atLeast: 1) ?? spec.maxConcurrentFaults
            spec.recoverySeconds = settings["recovery_seconds"]?.int(atLeast: 1) ?? spec.recoverySeconds
            spec.supervisor = settings["supervisor"]?.bool() ?? spec.supervisor
            if let proxy = settings["proxy"]?.choice(["auto", "always", "never"], what: "proxy mode") {
                spec.proxy = ChaosSpec.ProxyMode(rawValue: proxy) ?? .auto
            }
            if let abort = settings["abort"]?.mapping(keys: ["error_rate", "for"]) {
                let rate = abort.required("error_rate")?.percentage()
                let duration = abort.required("for")?.duration()
                if let rate, let duration { spec.abort = ChaosAbortCondition(errorRate: rate, duration: duration) }
            }
            spec.steadyState = settings["steady_state"].flatMap(steadyState(from:))
        }
        if let items = stepsField?.sequence(
            nonEmpty: true, of: "fault steps such as { at: 30s, for: 10s, fault: { latency: { latency: 200 } } }")
        {
            spec.steps = items.compactMap { chaosStep(from: $0, target: target, runLength: runLength) }
        }
        if case .url = target {
            for (index, step) in spec.steps.enumerated() where step.requirements.contains(.bundledReplicas) {
                field.fail(
                    "chaos step \(index) (\(step.fault)) acts on bundled replicas; against a url target use an exec action or a network fault through the proxy"
                )
            }
        }
        if spec.proxy == .never, let step = spec.steps.first(where: { $0.requirements.contains(.proxy) }) {
            field.fail("'\(step.fault)' is injected by the fault proxy, but proxy is 'never'; set proxy: auto")
        }
        return diagnostics.hasErrors(since: checkpoint) ? nil : spec
    }

    private func chaosStep(from item: ScenarioField, target: TargetSpec?, runLength: Duration?) -> ChaosStep? {
        let checkpoint = diagnostics.checkpoint
        guard let entry = item.mapping(keys: Self.chaosStepKeys) else { return nil }
        let at = entry.required("at")?.duration(positive: false)
        let duration = entry.required("for")?.duration()
        if let at, let runLength, at >= runLength {
            entry["at"]?.fail(
                "\(ValueSyntax.text(at)) is not before the end of the run (\(ValueSyntax.text(runLength))); move the fault earlier or lengthen a phase"
            )
        }
        let selector = entry["target"]?.identifier()
        guard let faultField = entry.required("fault"), let (name, nameField, parameters) = faultNameAndParameters(faultField)
        else { return nil }
        guard let kind = FaultCatalog.kind(named: name) else {
            nameField.fail(
                "unknown fault '\(name)'; expected one of \(FaultCatalog.names.joined(separator: ", "))",
                suggestion: Suggestion.nearest(to: name, among: FaultCatalog.names))
            return nil
        }
        // Messages of the fault's own checks start with this location.
        let located = FaultParameters(parameters, location: "\(nameField.path)")
        do {
            _ = try kind.init(parameters: located)
        } catch {
            diagnostics.report(error.message, at: nameField.node, path: nameField.path)
        }
        guard !diagnostics.hasErrors(since: checkpoint), let at, let duration else { return nil }
        return ChaosStep(at: at, duration: duration, fault: name, parameters: located, target: selector)
    }

    /// `fault: kill` or `fault: { latency: { latency: 200, jitter: 50 } }` (one key: the fault, its value the
    /// parameters, which may be empty).
    private func faultNameAndParameters(_ field: ScenarioField) -> (String, ScenarioField, [String: String])? {
        if case .scalar = field.node {
            return field.identifier().map { ($0, field, [:]) }
        }
        guard let mapping = field.anyKeyMapping(of: "one fault name mapped to its parameters") else { return nil }
        guard mapping.keys.count == 1, let name = mapping.keys.first, let value = mapping[name] else {
            field.fail("names \(mapping.keys.count) faults; a step injects exactly one (write one step per fault)")
            return nil
        }
        guard let parameters = value.anyKeyMapping(of: "parameter names to values") else { return nil }
        var values: [String: String] = [:]
        for (key, parameter) in parameters.fields {
            if let text = parameter.substituted(environment, expected: "a parameter value") { values[key] = text }
        }
        return (name, value, values)
    }

    private func steadyState(from field: ScenarioField) -> SteadyStateSpec? {
        guard let mapping = field.mapping(keys: ["every", "probes"]) else { return nil }
        let every = mapping["every"]?.duration() ?? SteadyStateSpec(probes: []).every
        let probes =
            mapping.required("probes")?.sequence(nonEmpty: true, of: "probes such as { name: health, do: http, url: ... }")?
            .compactMap(probe(from:)) ?? []
        return SteadyStateSpec(every: every, probes: probes)
    }

    private func probe(from item: ScenarioField) -> ProbeSpec? {
        let checkpoint = diagnostics.checkpoint
        guard let loose = item.anyKeyMapping(of: "probe keys (name, do, ...)") else { return nil }
        guard let kind = loose.required("do")?.choice(["http", "exec"], what: "probe kind") else { return nil }
        let httpKeys = Self.actionKeys["http", default: []], execKeys = Self.actionKeys["exec", default: []]
        guard let entry = item.mapping(keys: ["name", "do"] + (kind == "http" ? httpKeys : execKeys)) else { return nil }
        let name = entry.required("name")?.identifier()
        let tolerance = entry["expect"].flatMap { $0.isNull ? nil : $0 }.map {
            ScenarioMapping(field: $0, pairs: ScenarioParser.pairs(of: $0), keys: nil, unsupported: [])
        }
        let probe: ProbeSpec.Kind?
        if kind == "http" {
            let maxTime = tolerance?["max_time"]?.duration()
            probe = httpCall(entry, expectKeys: ["status", "max_time"]).map { .http($0, maxTime: maxTime) }
        } else {
            let contains = tolerance?["output_contains"]?.string()
            probe = exec(entry, expectKeys: ["exit_code", "output_contains"]).map { .exec($0, outputContains: contains) }
        }
        guard !diagnostics.hasErrors(since: checkpoint), let name, let probe else { return nil }
        return ProbeSpec(name: name, kind: probe)
    }

    private static func pairs(of field: ScenarioField) -> [(key: Node, value: Node)] {
        if case .mapping(let mapping) = field.node { return Array(mapping) }
        return []
    }
}
