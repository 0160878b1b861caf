@testable import LoadCore

/// Runs a schedule to its end, as the engine would, but without waiting for any of the arrivals.
func allArrivals(of schedule: some ArrivalSchedule, limit: Int = 10_000_000) -> [Duration] {
    var schedule = schedule
    var arrivals: [Duration] = []
    while arrivals.count < limit, let next = schedule.next() {
        arrivals.append(next)
    }
    return arrivals
}

/// How many arrivals fall in [from, to) seconds.
func arrivalCount(_ arrivals: [Duration], from: Double, to: Double) -> Int {
    arrivals.count { $0 >= .seconds(from) && $0 < .seconds(to) }
}
