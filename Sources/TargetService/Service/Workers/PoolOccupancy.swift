/// What a worker pool holds right now: its admitted and running jobs, and when each running job started, so the
/// pool can tell how soon a job submitted now would reach a worker.
struct PoolOccupancy: Sendable {
    var load = WorkerPoolLoad()
    /// When each running job started, in no particular order.
    private(set) var runningSince: [ContinuousClock.Instant] = []

    mutating func started(at instant: ContinuousClock.Instant) {
        load.running += 1
        runningSince.append(instant)
    }

    mutating func finished(startedAt instant: ContinuousClock.Instant) {
        load.running -= 1
        if let index = runningSince.firstIndex(of: instant) { runningSince.remove(at: index) }
    }

    /// How long a job submitted at `now` would wait for a worker, given jobs take `averageJob`: zero while a worker
    /// is free; else until the soonest running job should end (a job admitted but not yet started counts as just
    /// started), plus the jobs already waiting, spread over the workers.
    func expectedWait(workers: Int, averageJob: Duration, at now: ContinuousClock.Instant) -> Duration {
        guard load.admitted >= workers else { return .zero }
        var soonest = averageJob
        for start in runningSince { soonest = min(soonest, max(.zero, averageJob - (now - start))) }
        let waiting = load.admitted - workers
        return soonest + averageJob * (Double(waiting) / Double(workers))
    }
}
