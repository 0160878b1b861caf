import Testing

@testable import LoadGen

/// Version consistency and switch timing on made-up timelines (times in ms, converted to ns).
struct VersionConsistencyTests {
    private func ms(_ value: Int64) -> Int64 { value * 1_000_000 }

    private func seen(
        _ second: Int, _ version: String, sent: ClosedRange<Int64>, finished: ClosedRange<Int64>, count: Int = 5
    ) -> VersionConsistency.Sighting {
        .init(
            second: second, version: version, count: count, earliestSent: ms(sent.lowerBound), latestSent: ms(sent.upperBound),
            earliestFinished: ms(finished.lowerBound), latestFinished: ms(finished.upperBound))
    }

    /// v1 until a switch at 2000 ms (answered 2100 ms), v2 after, rollback at 4000 ms (answered 4050 ms).
    private var switches: [VersionConsistency.Switch] {
        [
            .init(action: 1, started: ms(2000), answered: ms(2100), version: "2"),
            .init(action: 2, started: ms(4000), answered: ms(4050), version: "1"),
        ]
    }

    @Test func bothVersionsAreAcceptedInsideASwitchWindowOnly() {
        let consistency = VersionConsistency(
            switches: switches,
            sightings: [
                seen(1, "1", sent: 1000...1900, finished: 1050...1990),
                seen(2, "1", sent: 2000...2090, finished: 2010...2150),  // in flight across the switch: fine
                seen(2, "2", sent: 2020...2900, finished: 2030...2990),
                seen(3, "2", sent: 3000...3900, finished: 3050...3990),
                seen(4, "2", sent: 4000...4040, finished: 4010...4090),
                seen(4, "1", sent: 4010...4900, finished: 4030...4990),
            ])
        #expect(consistency.violations.isEmpty)
        #expect(consistency.checkedResponses == 30)
        #expect(
            consistency.timings == [
                .init(action: 1, from: "1", to: "2", firstNewAfter: ms(30), lastOldAfter: ms(150)),
                .init(action: 2, from: "2", to: "1", firstNewAfter: ms(30), lastOldAfter: ms(90)),
            ])
    }

    @Test func anOldVersionSentAfterTheSwitchAnsweredIsAViolation() {
        let consistency = VersionConsistency(
            switches: switches,
            sightings: [
                seen(1, "1", sent: 1000...1900, finished: 1050...1990),
                seen(3, "1", sent: 3000...3900, finished: 3050...3990, count: 7),  // a replica left on v1
            ])
        #expect(consistency.violations == [.init(second: 3, version: "1", count: 7)])
    }

    @Test func aNewVersionBeforeTheSwitchStartedIsAViolation() {
        let consistency = VersionConsistency(
            switches: switches,
            sightings: [
                seen(0, "1", sent: 100...900, finished: 150...990),
                seen(1, "2", sent: 1000...1100, finished: 1010...1200, count: 2),
            ])
        #expect(consistency.violations == [.init(second: 1, version: "2", count: 2)])
    }

    @Test func withoutSwitchesOneVersionIsConsistent() {
        let consistency = VersionConsistency(
            switches: [],
            sightings: [
                seen(0, "1", sent: 0...900, finished: 10...990), seen(1, "1", sent: 1000...1900, finished: 1010...1990),
            ])
        #expect(consistency.violations.isEmpty && consistency.timings.isEmpty)
    }
}
