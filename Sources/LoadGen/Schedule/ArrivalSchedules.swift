/// Builds the arrival schedule of a phase's load model.
public enum ArrivalSchedules {
    /// The schedule for an open load model, or nil for closed models (virtual users follow `UserSchedule`).
    public static func make(for load: LoadModel, phaseDuration: Duration) -> (any ArrivalSchedule)? {
        switch load {
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
}
