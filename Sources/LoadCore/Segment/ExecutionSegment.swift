/// This instance's part of a scenario split across `count` generators (`loadgen run --segment K/N`): arrival i of
/// every open phase goes to segment i mod N, virtual user u to segment u mod N, and `max_connections` is divided with
/// the remainder spread — so the N segments together send exactly the schedule one instance would, whatever the
/// arrival model (Poisson included: every segment draws the same seeded stream and keeps its share).
///
/// Segments are 0-based, like a Kubernetes Indexed Job's `JOB_COMPLETION_INDEX`; segment 0 is the one that acts
/// (actions, faults, probes, bundled targets).
public struct ExecutionSegment: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// The whole scenario on one instance.
    public static let whole = ExecutionSegment(uncheckedIndex: 0, count: 1)

    public init(index: Int, count: Int) throws(ExecutionSegmentError) {
        guard count >= 1 else { throw .invalid("the number of segments must be at least 1, got \(count)") }
        guard (0..<count).contains(index) else {
            throw .invalid("segment \(index) is not one of 0…\(count - 1) (segments count from 0, like JOB_COMPLETION_INDEX)")
        }
        self.init(uncheckedIndex: index, count: count)
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `K/N`, or `auto/N` with K read from `JOB_COMPLETION_INDEX` (a Kubernetes Indexed Job's pod index).
    public static func parse(_ text: String, environment: [String: String]) throws(ExecutionSegmentError) -> ExecutionSegment {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let count = Int(parts[1]) else {
            throw .invalid("'\(text)' is not K/N (e.g. 0/4) or auto/N")
        }
        if parts[0] == "auto" {
            guard let value = environment["JOB_COMPLETION_INDEX"] else {
                throw .invalid(
                    "'\(text)' takes the segment from JOB_COMPLETION_INDEX, which is not set; run it as a pod of an Indexed Job or pass K/N"
                )
            }
            guard let index = Int(value) else { throw .invalid("JOB_COMPLETION_INDEX is '\(value)', not a number") }
            return try ExecutionSegment(index: index, count: count)
        }
        guard let index = Int(parts[0]) else { throw .invalid("'\(text)' is not K/N (e.g. 0/4) or auto/N") }
        return try ExecutionSegment(index: index, count: count)
    }

    /// Whether this segment sends arrival `arrival` (0-based, in schedule order) of an open phase.
    public func owns(arrival: Int) -> Bool { arrival % count == index }

    /// This segment's part of `total` users or connections: user u belongs to segment u mod N, so the parts of all
    /// segments add up to `total`, the first `total mod N` segments taking one more.
    public func share(of total: Int) -> Int {
        total > index ? (total - index + count - 1) / count : 0
    }

    /// The segment that acts: actions, faults, probes, recovery drills and bundled targets run there only.
    public var isLeader: Bool { index == 0 }

    public var description: String { "\(index)/\(count)" }
}

/// A `--segment` value that names no segment.
public enum ExecutionSegmentError: Error, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let why): "--segment: \(why)"
        }
    }
}
