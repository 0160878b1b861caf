/// Conversions between `Duration` and seconds as `Double`, which the schedules' rate arithmetic works in.
enum ScheduleTime {
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// Whole nanoseconds, for integer arithmetic where Double rounding would move a boundary.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.nanoseconds
    }

    /// Rounded to whole nanoseconds, so offsets computed from the same arrival index are always identical.
    static func duration(seconds: Double) -> Duration {
        .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// The offset of an arrival at `seconds`, or nil when it falls at or after `end`.
    static func offset(seconds: Double, before end: Duration) -> Duration? {
        // Checked in seconds first, so a far-off arrival cannot overflow the nanosecond conversion.
        guard seconds.isFinite, seconds < self.seconds(end) + 1 else { return nil }
        let offset = duration(seconds: seconds)
        return offset < end ? offset : nil
    }
}
