/// Milliseconds on a run's timeline (since `runStart`, on the engine's `UptimeClock`), as stored events count time.
struct RunClock: Sendable {
    let runStart: UInt64

    var nowMs: Int64 {
        max(0, UptimeClock.Instant(nanoseconds: runStart).duration(to: UptimeClock().now).milliseconds)
    }
}
