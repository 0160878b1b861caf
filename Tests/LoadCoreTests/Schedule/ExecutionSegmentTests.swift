import Testing

@testable import LoadCore

/// N segments send exactly what one instance sends: every arrival once, at its time, for every load model.
@Suite struct ExecutionSegmentTests {
    private static let models: [(String, LoadModel)] = [
        ("constant", .constantRate(Rate(perSecond: 97))),
        (
            "ramping",
            .rampingRate(
                start: Rate(perSecond: 5),
                stages: [
                    RateStage(duration: .seconds(2), target: Rate(perSecond: 150)),
                    RateStage(duration: .milliseconds(1500), target: Rate(perSecond: 20)),
                ])
        ),
        (
            "bursts",
            .bursts(
                base: Rate(perSecond: 10), every: .seconds(1), length: .milliseconds(200), burstRate: Rate(perSecond: 400))
        ),
        ("poisson", .poisson(Rate(perSecond: 120), seed: 42)),
    ]

    private static func offsets(_ schedule: any ArrivalSchedule) -> [Duration] {
        var schedule = schedule
        var offsets: [Duration] = []
        while let next = schedule.next() { offsets.append(next) }
        return offsets
    }

    @Test(arguments: models.map(\.0))
    func segmentsTogetherAreTheSingleInstanceScheduleElementForElement(model name: String) throws {
        let model = Self.models.first { $0.0 == name }!.1
        let duration = Duration.seconds(5)
        let single = Self.offsets(model.arrivalSchedule(phaseDuration: duration)!)
        #expect(single.count > 100)
        for count in 1...7 {
            var parts: [[Duration]] = []
            for index in 0..<count {
                let segment = try ExecutionSegment(index: index, count: count)
                parts.append(Self.offsets(SegmentSchedule(model.arrivalSchedule(phaseDuration: duration)!, segment: segment)))
            }
            #expect(parts.map(\.count).reduce(0, +) == single.count, "\(name), N = \(count)")
            // Arrival i of the single schedule is arrival i / N of segment i mod N.
            for (position, offset) in single.enumerated() {
                #expect(parts[position % count][position / count] == offset, "\(name), N = \(count), arrival \(position)")
            }
        }
    }

    @Test func usersAndConnectionsAreSplitWithTheRemainderSpread() throws {
        for count in 1...7 {
            for total in 0...40 {
                let shares = try (0..<count).map { try ExecutionSegment(index: $0, count: count).share(of: total) }
                #expect(shares.reduce(0, +) == total)
                #expect((shares.max() ?? 0) - (shares.min() ?? 0) <= 1)
                // The larger shares go to the first segments.
                #expect(shares == shares.sorted(by: >))
            }
        }
    }

    @Test func parsesKOfNAndTheIndexedJobsIndex() throws {
        #expect(try ExecutionSegment.parse("2/4", environment: [:]) == ExecutionSegment(index: 2, count: 4))
        #expect(try ExecutionSegment.parse("auto/3", environment: ["JOB_COMPLETION_INDEX": "1"]).description == "1/3")
        #expect(try ExecutionSegment.parse("0/1", environment: [:]) == .whole)
        #expect(try ExecutionSegment.parse("0/4", environment: [:]).isLeader)
        #expect(try !ExecutionSegment.parse("3/4", environment: [:]).isLeader)
    }

    @Test func badSegmentsSayWhatIsWrong() {
        let cases: [(String, [String: String], String)] = [
            ("4/4", [:], "segment 4 is not one of 0…3"),
            ("1/0", [:], "at least 1"),
            ("a/4", [:], "not K/N"),
            ("1-4", [:], "not K/N"),
            ("auto/4", [:], "JOB_COMPLETION_INDEX, which is not set"),
            ("auto/4", ["JOB_COMPLETION_INDEX": "x"], "not a number"),
            ("auto/2", ["JOB_COMPLETION_INDEX": "2"], "segment 2 is not one of 0…1"),
        ]
        for (text, environment, message) in cases {
            #expect(throws: ExecutionSegmentError.self, "\(text)") {
                try ExecutionSegment.parse(text, environment: environment)
            }
            do {
                _ = try ExecutionSegment.parse(text, environment: environment)
            } catch {
                #expect(error.description.contains(message), "\(text): \(error)")
            }
        }
    }
}
