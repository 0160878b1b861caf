/// Everything a load model does, in one place: adding a model means a case in `LoadModel`, its schedule type in
/// Sources/LoadGen/Schedule/ and its YAML in `ScenarioParser+Phases.swift` — and the switches below, which the
/// compiler lists.
extension LoadModel {
    /// Open models send on a schedule, whatever the responses do; closed ones run virtual users.
    public var isOpen: Bool {
        switch self {
        case .constantRate, .rampingRate, .bursts, .poisson: true
        case .constantUsers, .rampingUsers: false
        }
    }

    /// A short text for the phases table, the fingerprint and messages: `constant 10/s`, `8 users`, ...
    public var summary: String {
        switch self {
        case .constantRate(let rate): "constant \(rate)"
        case .rampingRate(let start, let stages): "ramping \(start) → " + stages.map { "\($0.target)" }.joined(separator: " → ")
        case .bursts(let base, let every, let length, let burst): "\(base) with \(burst) bursts for \(length) every \(every)"
        case .poisson(let rate, let seed): "poisson \(rate) (seed \(seed))"
        case .constantUsers(let users, let think): "\(users) users" + (think > .zero ? ", think \(think)" : "")
        case .rampingUsers(let start, let stages, _):
            "ramping \(start) → " + stages.map { "\($0.target)" }.joined(separator: " → ") + " users"
        }
    }

    /// The arrival schedule of an open model over a phase of `phaseDuration`; nil for closed models (virtual users
    /// follow `UserSchedule`).
    public func arrivalSchedule(phaseDuration: Duration) -> (any ArrivalSchedule)? {
        switch self {
        case .constantRate(let rate):
            ConstantRateSchedule(rate: rate, phaseDuration: phaseDuration)
        case .rampingRate(let start, let stages):
            RampingRateSchedule(start: start, stages: stages, phaseDuration: phaseDuration)
        case .bursts(let base, let every, let length, let burstRate):
            BurstSchedule(base: base, every: every, length: length, burstRate: burstRate, phaseDuration: phaseDuration)
        case .poisson(let rate, let seed):
            PoissonSchedule(rate: rate, seed: seed, phaseDuration: phaseDuration)
        case .constantUsers, .rampingUsers:
            nil
        }
    }

    /// A closed model's users: how many at the start, the ramp stages and the think time; nil for open models.
    public var users: (start: Int, stages: [UserStage], think: Duration)? {
        switch self {
        case .constantUsers(let users, let think): (users, [], think)
        case .rampingUsers(let start, let stages, let think): (start, stages, think)
        case .constantRate, .rampingRate, .bursts, .poisson: nil
        }
    }

    /// The highest arrival rate the model reaches (open models; 0 for closed ones), for sizing the warm pool.
    public var peakRate: Double {
        switch self {
        case .constantRate(let rate), .poisson(let rate, _): rate.perSecond
        case .rampingRate(let start, let stages): ([start] + stages.map(\.target)).map(\.perSecond).max() ?? 0
        case .bursts(let base, _, _, let burst): max(base.perSecond, burst.perSecond)
        case .constantUsers, .rampingUsers: 0
        }
    }

    /// `--duration-scale`: stage durations and burst timing scale; rates, user counts and think times stay.
    public func scaled(by factor: Double) -> LoadModel {
        switch self {
        case .constantRate, .poisson, .constantUsers:
            self
        case .rampingRate(let start, let stages):
            .rampingRate(
                start: start, stages: stages.map { RateStage(duration: $0.duration.scaled(by: factor), target: $0.target) })
        case .bursts(let base, let every, let length, let burstRate):
            .bursts(base: base, every: every.scaled(by: factor), length: length.scaled(by: factor), burstRate: burstRate)
        case .rampingUsers(let start, let stages, let think):
            .rampingUsers(
                start: start, stages: stages.map { UserStage(duration: $0.duration.scaled(by: factor), target: $0.target) },
                think: think)
        }
    }
}
