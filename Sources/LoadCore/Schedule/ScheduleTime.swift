/// From seconds as `Double` (the schedules' rate arithmetic) back to `Duration` offsets; the other way is
/// `Duration.seconds`.
public enum ScheduleTime {
    /// Rounded to whole nanoseconds, so offsets computed from the same arrival index are always identical.
    public static func duration(seconds: Double) -> Duration {
        .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// The offset of an arrival at `seconds`, or nil when it falls at or after `end`.
    public static func offset(seconds: Double, before end: Duration) -> Duration? {
        // Checked in seconds first, so a far-off arrival cannot overflow the nanosecond conversion.
        guard seconds.isFinite, seconds < end.seconds + 1 else { return nil }
        let offset = duration(seconds: seconds)
        return offset < end ? offset : nil
    }
}
