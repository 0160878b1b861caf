/// The arithmetic of a disaster-recovery drill, on a fixed log of probes and canary writes (all times in
/// milliseconds on the run's timeline), so it can be checked without a disaster.
///
/// - RTO: from the disaster to the first of `consecutive` back-to-back successful probes after it (a probe is a
///   readiness check plus a detection). A single lucky probe between failures does not count as recovered.
/// - RPO: canary writes the service acknowledged but that are missing when read back after the restore, as a
///   count and as time: from the acknowledgement of the oldest lost write to the disaster (the span of
///   acknowledged data the restore did not bring back).
public struct RecoveryMeasurement: Sendable, Equatable {
    /// One probe: when it started and whether both its requests succeeded.
    public struct Probe: Sendable, Equatable {
        public var atMs: Int64
        public var succeeded: Bool

        public init(atMs: Int64, succeeded: Bool) {
            self.atMs = atMs
            self.succeeded = succeeded
        }
    }

    /// One canary write: its sequence number and, if the service acknowledged it, when.
    public struct CanaryWrite: Sendable, Equatable {
        public var sequence: Int
        public var acknowledgedAtMs: Int64?

        public init(sequence: Int, acknowledgedAtMs: Int64?) {
            self.sequence = sequence
            self.acknowledgedAtMs = acknowledgedAtMs
        }
    }

    /// Disaster → recovered, nil when the probes never saw `consecutive` successes in a row.
    public var rtoMs: Int64?
    /// When recovery began (the first probe of the successful run), nil if never.
    public var recoveredAtMs: Int64?
    /// Acknowledged writes that the read-back did not find, by sequence number.
    public var lostSequences: [Int]
    /// Acknowledged writes that had to survive (acknowledged before the read-back started).
    public var acknowledgedWrites: Int
    /// Oldest lost acknowledgement → disaster; 0 when nothing acknowledged was lost.
    public var rpoMs: Int64
    /// When the oldest lost write was acknowledged, nil when nothing was lost.
    public var oldestLostAcknowledgedAtMs: Int64?

    public init(
        disasterAtMs: Int64, probes: [Probe], consecutive: Int, writes: [CanaryWrite], readBackAtMs: Int64, present: Set<Int>
    ) {
        let required = max(1, consecutive)
        var streakStart: Int64?
        var streak = 0
        var recovered: Int64?
        for probe in probes.sorted(by: { $0.atMs < $1.atMs }) where probe.atMs >= disasterAtMs {
            if probe.succeeded {
                if streak == 0 { streakStart = probe.atMs }
                streak += 1
                if streak >= required {
                    recovered = streakStart
                    break
                }
            } else {
                streak = 0
                streakStart = nil
            }
        }
        recoveredAtMs = recovered
        rtoMs = recovered.map { $0 - disasterAtMs }

        let mustSurvive = writes.filter { write in write.acknowledgedAtMs.map { $0 < readBackAtMs } ?? false }
        acknowledgedWrites = mustSurvive.count
        let lost = mustSurvive.filter { !present.contains($0.sequence) }
        lostSequences = lost.map(\.sequence).sorted()
        oldestLostAcknowledgedAtMs = lost.compactMap(\.acknowledgedAtMs).min()
        rpoMs = oldestLostAcknowledgedAtMs.map { max(0, disasterAtMs - $0) } ?? 0
    }
}
