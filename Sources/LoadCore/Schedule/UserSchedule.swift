/// Target number of virtual users of a closed-model phase at an elapsed time.
///
/// Ramps interpolate linearly and change the count only once the line reaches the next whole user, as k6's
/// ramping-vus does: rounded down while rising, rounded up while falling. After the last stage the last target
/// holds. Open load models have no users: every query answers 0.
public struct UserSchedule: Sendable {
    /// Pause each user takes between getting a response and sending its next request.
    public var think: Duration
    /// The most users the phase ever asks for, so the engine can size its connection pool up front.
    public var peak: Int

    private let start: Int
    private let stages: [UserStage]

    public init(load: LoadModel, phaseDuration: Duration) {
        let users = load.users ?? (start: 0, stages: [], think: .zero)
        start = max(0, users.start)
        stages = users.stages.map { UserStage(duration: max(.zero, $0.duration), target: max(0, $0.target)) }
        think = users.think
        // Only the stages that begin within the phase can ever be reached.
        var peak = start
        var stageStart = Duration.zero
        var from = start
        for stage in stages where stageStart < phaseDuration {
            let stageEnd = stageStart + stage.duration
            let reached =
                stageEnd <= phaseDuration
                ? stage.target
                : Self.interpolate(from: from, to: stage.target, elapsed: phaseDuration - stageStart, over: stage.duration)
            peak = max(peak, reached)
            from = stage.target
            stageStart = stageEnd
        }
        self.peak = peak
    }

    public func users(at elapsed: Duration) -> Int {
        var stageStart = Duration.zero
        var from = start
        for stage in stages {
            let stageEnd = stageStart + stage.duration
            if elapsed < stageEnd {
                return Self.interpolate(
                    from: from, to: stage.target, elapsed: max(.zero, elapsed - stageStart), over: stage.duration)
            }
            from = stage.target
            stageStart = stageEnd
        }
        return from
    }

    /// Users at `elapsed` into a stage, in whole nanoseconds so stage boundaries land exactly on their targets.
    private static func interpolate(from: Int, to: Int, elapsed: Duration, over duration: Duration) -> Int {
        let total = duration.nanoseconds
        guard total > 0 else { return to }
        let done = min(elapsed.nanoseconds, total)
        // Integer division truncates toward zero, i.e. toward the stage's starting count in both directions.
        let change = Int64(to - from).multipliedFullWidth(by: done)
        let (quotient, _) = total.dividingFullWidth(change)
        return from + Int(quotient)
    }
}
