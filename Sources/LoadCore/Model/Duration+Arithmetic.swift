extension Duration {
    /// Whole nanoseconds (saturating), for integer arithmetic on the monotonic clock and where Double rounding would
    /// move a boundary.
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return scaled + attoseconds / 1_000_000_000
    }

    /// Whole milliseconds (truncated), as the store's timelines count.
    public var milliseconds: Int64 { nanoseconds / 1_000_000 }

    /// Seconds as a `Double`, which rate arithmetic works in.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// This duration times `factor`, rounded to the nanosecond and never below 1 ms.
    public func scaled(by factor: Double) -> Duration {
        let (seconds, attoseconds) = components
        let nanoseconds = (Double(seconds) * 1e9 + Double(attoseconds) / 1e9) * factor
        return Swift.max(Duration.milliseconds(1), Duration.nanoseconds(Int64(nanoseconds.rounded())))
    }
}
