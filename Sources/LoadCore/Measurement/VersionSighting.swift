/// Responses that carried one `X-Model-Version` value in one second: how many, and the extremes of their send
/// and completion times (monotonic ns), which is all version consistency and switch timing need.
public struct VersionSighting: Sendable, Equatable {
    public var count = 0
    public var earliestSent = UInt64.max
    public var latestSent: UInt64 = 0
    public var earliestFinished = UInt64.max
    public var latestFinished: UInt64 = 0

    public init() {}

    public mutating func add(sent: UInt64, finished: UInt64) {
        count += 1
        earliestSent = min(earliestSent, sent)
        latestSent = max(latestSent, sent)
        earliestFinished = min(earliestFinished, finished)
        latestFinished = max(latestFinished, finished)
    }

    public mutating func merge(_ other: VersionSighting) {
        count += other.count
        earliestSent = min(earliestSent, other.earliestSent)
        latestSent = max(latestSent, other.latestSent)
        earliestFinished = min(earliestFinished, other.earliestFinished)
        latestFinished = max(latestFinished, other.latestFinished)
    }
}
