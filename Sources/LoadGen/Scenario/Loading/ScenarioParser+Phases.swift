/// `phases:`: consecutive stretches of the run, each with one open (`arrival`) or closed (`users`) load model.
extension ScenarioParser {
    /// The parsed phases (nil if any is invalid) and every name that was readable, for SLA references.
    func phases(from field: ScenarioField) -> (specs: [PhaseSpec]?, names: [String]) {
        let checkpoint = diagnostics.checkpoint
        guard let items = field.sequence(nonEmpty: true, of: "phases") else { return (nil, []) }
        var specs: [PhaseSpec] = []
        var names = UniqueNames(kind: "phase")
        for item in items {
            guard let phase = item.mapping(keys: ["name", "duration", "arrival", "users"]) else { continue }
            let name = phase.required("name").flatMap { names.claim($0) }
            let duration = phase.required("duration")?.duration()
            let load = loadModel(of: phase, duration: duration)
            if let name, let duration, let load {
                specs.append(PhaseSpec(name: name, duration: duration, load: load))
            }
        }
        return (diagnostics.hasErrors(since: checkpoint) ? nil : specs, names.all)
    }

    private func loadModel(of phase: ScenarioMapping, duration: Duration?) -> LoadModel? {
        switch phase.present(["arrival", "users"]) {
        case ["arrival"]:
            return phase["arrival"].flatMap { arrival(from: $0, phaseDuration: duration) }
        case ["users"]:
            return phase["users"].flatMap { users(from: $0, phaseDuration: duration) }
        case []:
            if phase.misspelt(["arrival", "users"]) { return nil }
            phase.field.fail("needs 'arrival' (an open model: requests at a rate) or 'users' (a closed model: virtual users)")
            return nil
        default:
            phase.field.fail("has both 'arrival' and 'users'; a phase uses one load model, so keep one")
            return nil
        }
    }

    /// `{ rate }`, plus at most one of `stages`, `burst` or `poisson: true` (with an optional `seed`).
    private func arrival(from field: ScenarioField, phaseDuration: Duration?) -> LoadModel? {
        let checkpoint = diagnostics.checkpoint
        guard let arrival = field.mapping(keys: ["rate", "stages", "burst", "poisson", "seed"]) else { return nil }
        let rate = arrival.required("rate")?.rate()
        let poisson = arrival["poisson"]?.bool() ?? false
        let variants = arrival.present(["stages", "burst"]) + (poisson ? ["poisson"] : [])
        if variants.count > 1 {
            field.fail("'\(variants.joined(separator: "' and '"))' cannot be combined; keep one")
        }
        if let seedField = arrival["seed"], !poisson {
            seedField.fail("'seed' only applies with 'poisson: true'")
        }
        let seed = arrival["seed"]?.int(atLeast: 0).map { UInt64($0) } ?? 1
        let stages = arrival["stages"].flatMap { rateStages(from: $0, phaseDuration: phaseDuration) }
        let burst = arrival["burst"].flatMap(self.burst(from:))
        guard !diagnostics.hasErrors(since: checkpoint), let rate else { return nil }
        if let stages { return .rampingRate(start: rate, stages: stages) }
        if let burst { return .bursts(base: rate, every: burst.every, length: burst.length, burstRate: burst.rate) }
        if poisson { return .poisson(rate, seed: seed) }
        return .constantRate(rate)
    }

    private func rateStages(from field: ScenarioField, phaseDuration: Duration?) -> [RateStage]? {
        let checkpoint = diagnostics.checkpoint
        guard let items = field.sequence(nonEmpty: true, of: "stages such as { duration: 20s, target: 50/s }") else { return nil }
        let stages = items.compactMap { item -> RateStage? in
            guard let stage = item.mapping(keys: ["duration", "target"]) else { return nil }
            let duration = stage.required("duration")?.duration()
            let target = stage.required("target")?.rate()
            guard let duration, let target else { return nil }
            return RateStage(duration: duration, target: target)
        }
        guard !diagnostics.hasErrors(since: checkpoint) else { return nil }
        return checkStagesFit(stages.map(\.duration), in: phaseDuration, field: field) ? stages : nil
    }

    private func burst(from field: ScenarioField) -> (every: Duration, length: Duration, rate: Rate)? {
        guard let burst = field.mapping(keys: ["every", "for", "rate"]) else { return nil }
        let every = burst.required("every")?.duration()
        let length = burst.required("for")?.duration()
        let rate = burst.required("rate")?.rate()
        guard let every, let length, let rate else { return nil }
        guard length < every else {
            field.fail(
                "'for' (\(ValueSyntax.text(length))) must be shorter than 'every' (\(ValueSyntax.text(every))), "
                    + "or the burst never ends")
            return nil
        }
        return (every, length, rate)
    }

    /// `{ count, think }` or `{ start, stages, think }`.
    private func users(from field: ScenarioField, phaseDuration: Duration?) -> LoadModel? {
        let checkpoint = diagnostics.checkpoint
        guard let users = field.mapping(keys: ["count", "start", "stages", "think"]) else { return nil }
        let think = users["think"]?.duration(positive: false) ?? .zero
        switch users.present(["count", "stages"]) {
        case ["count"]:
            if let start = users["start"] {
                start.fail("'start' only applies with 'stages'; use 'count' alone for constant users")
            }
            let count = users["count"]?.int(atLeast: 1)
            guard !diagnostics.hasErrors(since: checkpoint), let count else { return nil }
            return .constantUsers(count, think: think)
        case ["stages"]:
            let start = users["start"]?.int(atLeast: 0) ?? 0
            let stages = users["stages"].flatMap { userStages(from: $0, phaseDuration: phaseDuration) }
            guard !diagnostics.hasErrors(since: checkpoint), let stages else { return nil }
            return .rampingUsers(start: start, stages: stages, think: think)
        case []:
            if users.misspelt(["count", "stages"]) { return nil }
            field.fail("needs 'count' (constant users) or 'stages' (ramping users)")
            return nil
        default:
            field.fail("has both 'count' and 'stages'; keep one")
            return nil
        }
    }

    private func userStages(from field: ScenarioField, phaseDuration: Duration?) -> [UserStage]? {
        let checkpoint = diagnostics.checkpoint
        guard let items = field.sequence(nonEmpty: true, of: "stages such as { duration: 10s, target: 16 }") else { return nil }
        let stages = items.compactMap { item -> UserStage? in
            guard let stage = item.mapping(keys: ["duration", "target"]) else { return nil }
            let duration = stage.required("duration")?.duration()
            let target = stage.required("target")?.int(atLeast: 0)
            guard let duration, let target else { return nil }
            return UserStage(duration: duration, target: target)
        }
        guard !diagnostics.hasErrors(since: checkpoint) else { return nil }
        return checkStagesFit(stages.map(\.duration), in: phaseDuration, field: field) ? stages : nil
    }

    /// Stages longer than their phase would be cut off silently; say so instead.
    private func checkStagesFit(_ durations: [Duration], in phaseDuration: Duration?, field: ScenarioField) -> Bool {
        let total = durations.reduce(.zero, +)
        guard let phaseDuration, total > phaseDuration else { return true }
        field.fail(
            "the stages last \(ValueSyntax.text(total)) but the phase lasts \(ValueSyntax.text(phaseDuration)); "
                + "shorten the stages or lengthen the phase")
        return false
    }
}
