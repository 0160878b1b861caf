/// Chaos Toolkit's steady-state hypothesis judged from probe rounds (all probes once per round): it held before
/// the first fault, how many rounds deviated while faults were active, and when it was re-established after the
/// last revert. Pure arithmetic over the rounds, so it is tested on fixed logs.
public struct SteadyStateVerdict: Sendable, Equatable {
    /// One round of every probe: when it started, and the names of the probes that failed (empty: all passed).
    public struct Round: Sendable, Equatable {
        public var atMs: Int64
        public var failed: [String]

        public init(atMs: Int64, failed: [String]) {
            self.atMs = atMs
            self.failed = failed
        }

        public var passed: Bool { failed.isEmpty }
    }

    /// Every round before the first injection passed; nil when no round ran before it.
    public var heldBefore: Bool?
    /// Rounds between the first injection and the last revert in which some probe failed.
    public var deviatingRounds: Int
    /// The first round after the last revert from which every round passed; nil if never.
    public var reestablishedAtMs: Int64?
    /// Last revert → re-established.
    public var reestablishedAfterMs: Int64?
    /// Probes that failed before the first fault (the hypothesis did not even hold to begin with).
    public var failedBefore: [String]

    public var held: Bool { heldBefore == true && reestablishedAtMs != nil }

    public init(rounds: [Round], firstInjectionMs: Int64, lastRevertMs: Int64) {
        let ordered = rounds.sorted { $0.atMs < $1.atMs }
        let before = ordered.filter { $0.atMs < firstInjectionMs }
        heldBefore = before.isEmpty ? nil : before.allSatisfy(\.passed)
        failedBefore = Array(Set(before.flatMap(\.failed))).sorted()
        deviatingRounds = ordered.filter { $0.atMs >= firstInjectionMs && $0.atMs < lastRevertMs && !$0.passed }.count
        let after = ordered.filter { $0.atMs >= lastRevertMs }
        // Re-established at the start of the final run of passing rounds (a pass followed by a failure is not it).
        var start: Int64?
        for round in after {
            if round.passed {
                if start == nil { start = round.atMs }
            } else {
                start = nil
            }
        }
        reestablishedAtMs = start
        reestablishedAfterMs = start.map { $0 - lastRevertMs }
    }
}
