import Testing

@testable import LoadCore

/// RTO and RPO from a fixed log of probes and canary writes (times in ms on the run's timeline).
struct RecoveryMeasurementTests {
    typealias Probe = RecoveryMeasurement.Probe
    typealias Write = RecoveryMeasurement.CanaryWrite

    @Test func rtoEndsAtTheFirstOfTheConsecutiveSuccesses() {
        let probes = [
            Probe(atMs: 9_000, succeeded: true),  // before the disaster: ignored
            Probe(atMs: 10_100, succeeded: false),
            Probe(atMs: 10_350, succeeded: true),  // a lone success between failures is not recovery
            Probe(atMs: 10_600, succeeded: false),
            Probe(atMs: 10_850, succeeded: true),
            Probe(atMs: 11_100, succeeded: true),
            Probe(atMs: 11_350, succeeded: true),
        ]
        let measured = RecoveryMeasurement(
            disasterAtMs: 10_000, probes: probes, consecutive: 3, writes: [], readBackAtMs: 20_000, present: [])
        #expect(measured.recoveredAtMs == 10_850)
        #expect(measured.rtoMs == 850)
    }

    @Test func neverRecoveredLeavesRTOUnset() {
        let probes = [
            Probe(atMs: 10_100, succeeded: true), Probe(atMs: 10_350, succeeded: true), Probe(atMs: 10_600, succeeded: false),
        ]
        let measured = RecoveryMeasurement(
            disasterAtMs: 10_000, probes: probes, consecutive: 3, writes: [], readBackAtMs: 20_000, present: [])
        #expect(measured.rtoMs == nil)
        #expect(measured.recoveredAtMs == nil)
    }

    @Test func rpoCountsAcknowledgedWritesMissingAfterTheRestore() {
        let writes = [
            Write(sequence: 1, acknowledgedAtMs: 1_000),
            Write(sequence: 2, acknowledgedAtMs: 6_000),  // after the last backup: lost
            Write(sequence: 3, acknowledgedAtMs: 8_500),  // lost
            Write(sequence: 4, acknowledgedAtMs: nil),  // never acknowledged (the outage): owed nothing
            Write(sequence: 5, acknowledgedAtMs: 12_000),  // after the restore: present
            Write(sequence: 6, acknowledgedAtMs: 19_990),  // acknowledged after the read-back began: not judged
        ]
        let measured = RecoveryMeasurement(
            disasterAtMs: 10_000, probes: [], consecutive: 3, writes: writes, readBackAtMs: 19_000, present: [1, 5])
        #expect(measured.acknowledgedWrites == 4)
        #expect(measured.lostSequences == [2, 3])
        #expect(measured.oldestLostAcknowledgedAtMs == 6_000)
        #expect(measured.rpoMs == 4_000)
    }

    @Test func nothingLostMeansZeroRPO() {
        let writes = [Write(sequence: 1, acknowledgedAtMs: 1_000), Write(sequence: 2, acknowledgedAtMs: 2_000)]
        let measured = RecoveryMeasurement(
            disasterAtMs: 10_000, probes: [], consecutive: 1, writes: writes, readBackAtMs: 20_000, present: [1, 2])
        #expect(measured.lostSequences.isEmpty)
        #expect(measured.rpoMs == 0)
    }
}
