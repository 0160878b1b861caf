import NIOCore

/// The monotonic uptime clock the load engine schedules on (`NIODeadline`), as a Swift `Clock`: the run session and
/// the engine's timeline read one time base, so a phase boundary is the same instant for both.
struct UptimeClock: Clock {
    /// Nanoseconds of uptime, as `NIODeadline.uptimeNanoseconds` and `EngineTimeline` count them.
    struct Instant: InstantProtocol {
        var nanoseconds: UInt64

        func advanced(by duration: Duration) -> Instant {
            let step = duration.nanoseconds
            return Instant(nanoseconds: step >= 0 ? nanoseconds &+ UInt64(step) : nanoseconds &- UInt64(step.magnitude))
        }

        func duration(to other: Instant) -> Duration {
            .nanoseconds(Int64(bitPattern: other.nanoseconds &- nanoseconds))
        }

        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.nanoseconds < rhs.nanoseconds }
    }

    var now: Instant { Instant(nanoseconds: NIODeadline.now().uptimeNanoseconds) }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let current = now
        guard deadline > current else { return }
        try await Task.sleep(nanoseconds: deadline.nanoseconds - current.nanoseconds)
    }
}
