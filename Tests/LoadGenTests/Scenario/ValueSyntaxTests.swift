import Testing

@testable import LoadGen

@Suite struct ValueSyntaxTests {
    @Test(arguments: [
        ("250ms", Duration.milliseconds(250)), ("1s", .seconds(1)), ("1.5s", .milliseconds(1500)), ("2m", .seconds(120)),
        ("0.5ms", .microseconds(500)), ("0s", .zero),
    ])
    func durations(text: String, expected: Duration) throws {
        #expect(try ValueSyntax.duration(text).get() == expected)
    }

    @Test(arguments: ["10", "10 s", "1.5", "1h", "-1s", ".5s", "1.s", "1,5s", "s", "10S", "1e3ms"])
    func malformedDurations(text: String) {
        #expect(throws: SyntaxProblem.self) { try ValueSyntax.duration(text).get() }
    }

    @Test(arguments: [("10/s", 10.0), ("600/m", 10.0), ("0.5/s", 0.5), ("30/m", 0.5)])
    func rates(text: String, perSecond: Double) throws {
        #expect(try ValueSyntax.rate(text).get() == Rate(perSecond: perSecond))
    }

    @Test(arguments: ["10", "10/h", "10 /s", "/s", "ten/s"])
    func malformedRates(text: String) {
        #expect(throws: SyntaxProblem.self) { try ValueSyntax.rate(text).get() }
    }

    @Test(arguments: [("1%", 0.01), ("0.5%", 0.005), ("99.9%", 0.999), ("0%", 0.0), ("100%", 1.0)])
    func percentages(text: String, fraction: Double) throws {
        #expect(try ValueSyntax.percentage(text).get() == fraction)
    }

    @Test(arguments: ["1", "0.01", "1 %", "100.1%", "%"])
    func malformedPercentages(text: String) {
        #expect(throws: SyntaxProblem.self) { try ValueSyntax.percentage(text).get() }
    }

    @Test(arguments: [("512B", 512), ("64KB", 65_536), ("9MB", 9_437_184), ("0B", 0)])
    func sizes(text: String, bytes: Int) throws {
        #expect(try ValueSyntax.size(text).get() == bytes)
    }

    @Test(arguments: ["512", "1.5MB", "64kb", "9 MB", "1GB", "1025MB"])
    func malformedSizes(text: String) {
        #expect(throws: SyntaxProblem.self) { try ValueSyntax.size(text).get() }
    }

    @Test(arguments: [(Duration.seconds(30), "30s"), (.milliseconds(250), "250ms"), (.milliseconds(1500), "1.5s")])
    func durationsAreWrittenBackInScenarioSyntax(duration: Duration, text: String) {
        #expect(ValueSyntax.text(duration) == text)
    }
}
