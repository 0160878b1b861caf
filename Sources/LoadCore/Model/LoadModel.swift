/// How a phase produces load: an open model (arrivals on a schedule, never waiting on responses) or a closed one
/// (a fixed or ramping number of virtual users, each waiting for its response).
public enum LoadModel: Sendable, Equatable {
    /// Constant arrival rate.
    case constantRate(Rate)
    /// Linear ramps from `start` through each stage's target rate over the stage's duration, then holding the last.
    case rampingRate(start: Rate, stages: [RateStage])
    /// A base rate with bursts: every `every`, for `length`, the rate is `burstRate` instead.
    case bursts(base: Rate, every: Duration, length: Duration, burstRate: Rate)
    /// Poisson arrivals (exponential gaps) with the given mean rate; seeded, so runs repeat.
    case poisson(Rate, seed: UInt64)
    /// N virtual users, each sending its next request when the previous one ends, after `think`.
    case constantUsers(Int, think: Duration)
    /// Virtual users ramping linearly from `start` through each stage's target.
    case rampingUsers(start: Int, stages: [UserStage], think: Duration)
}

/// Requests per second.
public struct Rate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var perSecond: Double

    public init(perSecond: Double) { self.perSecond = perSecond }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.perSecond < rhs.perSecond }

    public var description: String { "\(perSecond.formatted())/s" }
}

/// One stage of a ramping arrival rate: reach `target` linearly over `duration`.
public struct RateStage: Sendable, Equatable {
    public var duration: Duration
    public var target: Rate

    public init(duration: Duration, target: Rate) {
        self.duration = duration
        self.target = target
    }
}

/// One stage of ramping concurrency: reach `target` users linearly over `duration`.
public struct UserStage: Sendable, Equatable {
    public var duration: Duration
    public var target: Int

    public init(duration: Duration, target: Int) {
        self.duration = duration
        self.target = target
    }
}

extension Double {
    fileprivate func formatted() -> String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
