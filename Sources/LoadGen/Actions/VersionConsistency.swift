/// Judges the `X-Model-Version` of every tracked response against the model switches the actions made, and times
/// each switch. Pure: times are nanoseconds since the run's start, so it is tested with made-up timelines.
///
/// A response of version V is consistent when V could have served it: some stretch in which V was active began
/// (its switch call started) no later than the response finished, and ended (the next switch call answered) no
/// earlier than the request was sent. So inside a switch window both the old and the new version are accepted,
/// and outside one only the active version is. The version active before the first switch is the one the
/// responses completed before it carried. Sightings are per second (extremes of send and finish times), so a
/// second is judged as a whole: all its responses of a version are consistent, or all count as violations.
public struct VersionConsistency: Sendable {
    /// A successful `model.activate` or `model.rollback`: when its first call started, when its last answered,
    /// and the version every replica then served.
    public struct Switch: Sendable, Equatable {
        public var action: Int
        public var started: Int64
        public var answered: Int64
        public var version: String

        public init(action: Int, started: Int64, answered: Int64, version: String) {
            self.action = action
            self.started = started
            self.answered = answered
            self.version = version
        }
    }

    /// The responses of one version in one second, with times relative to the run's start.
    public struct Sighting: Sendable, Equatable {
        public var second: Int
        public var version: String
        public var count: Int
        public var earliestSent: Int64
        public var latestSent: Int64
        public var earliestFinished: Int64
        public var latestFinished: Int64

        public init(
            second: Int, version: String, count: Int, earliestSent: Int64, latestSent: Int64, earliestFinished: Int64,
            latestFinished: Int64
        ) {
            self.second = second
            self.version = version
            self.count = count
            self.earliestSent = earliestSent
            self.latestSent = latestSent
            self.earliestFinished = earliestFinished
            self.latestFinished = latestFinished
        }
    }

    /// How long a switch took to show: from its first call's start to the first response of the new version, and
    /// to the last response of the old one (nil when none was seen).
    public struct Timing: Sendable, Equatable {
        public var action: Int
        public var from: String?
        public var to: String
        public var firstNewAfter: Int64?
        public var lastOldAfter: Int64?
    }

    /// Responses that no active version explains.
    public struct Violation: Sendable, Equatable {
        public var second: Int
        public var version: String
        public var count: Int
    }

    private struct Stretch {
        var version: String
        var begins: Int64
        var ends: Int64
    }

    public let violations: [Violation]
    public let timings: [Timing]
    public let checkedResponses: Int

    public init(switches: [Switch], sightings: [Sighting]) {
        let switches = switches.sorted { $0.started < $1.started }
        let firstStart = switches.first?.started ?? .max
        var before: [String: Int] = [:]
        for sighting in sightings where sighting.latestFinished < firstStart {
            before[sighting.version, default: 0] += sighting.count
        }
        let initial = before.max { $0.value < $1.value }?.key
        var stretches: [Stretch] = []
        if let initial { stretches.append(Stretch(version: initial, begins: .min, ends: switches.first?.answered ?? .max)) }
        for (index, change) in switches.enumerated() {
            let ends = index + 1 < switches.count ? switches[index + 1].answered : .max
            stretches.append(Stretch(version: change.version, begins: change.started, ends: ends))
        }
        violations = sightings.compactMap { sighting in
            let explained = stretches.contains {
                $0.version == sighting.version && sighting.earliestFinished >= $0.begins && sighting.latestSent <= $0.ends
            }
            return explained ? nil : Violation(second: sighting.second, version: sighting.version, count: sighting.count)
        }
        checkedResponses = sightings.reduce(0) { $0 + $1.count }
        var timings: [Timing] = []
        for (index, change) in switches.enumerated() {
            let old = index == 0 ? initial : switches[index - 1].version
            // A version's responses belong to this switch until a later switch brings that version back.
            let later = switches[(index + 1)...]
            let untilNew = later.first { $0.version == change.version }?.started ?? .max
            let firstNew = sightings.filter {
                $0.version == change.version && $0.earliestFinished >= change.started && $0.earliestFinished < untilNew
            }
            .map(\.earliestFinished).min()
            let lastOld = old.flatMap { old in
                let untilOld = later.first { $0.version == old }?.started ?? .max
                return sightings.filter {
                    $0.version == old && $0.latestFinished >= change.started && $0.latestFinished < untilOld
                }
                .map(\.latestFinished).max()
            }
            timings.append(
                Timing(
                    action: change.action, from: old, to: change.version, firstNewAfter: firstNew.map { $0 - change.started },
                    lastOldAfter: old == change.version ? nil : lastOld.map { $0 - change.started }))
        }
        self.timings = timings
    }
}
