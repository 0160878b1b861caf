import NIOCore

/// Milliseconds on a run's timeline (since `runStart`, monotonic NIODeadline uptime), as stored events count time.
struct RunClock: Sendable {
    let runStart: UInt64

    var nowMs: Int64 {
        let now = NIODeadline.now().uptimeNanoseconds
        return now > runStart ? Int64((now - runStart) / 1_000_000) : 0
    }
}
