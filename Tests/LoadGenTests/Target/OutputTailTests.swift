import Testing
@testable import LoadGen

@Suite struct OutputTailTests {
    @Test func keepsTheLastLinesOldestFirst() {
        let tail = OutputTail(capacity: 3)
        for number in 1...7 { tail.append("line \(number)") }
        #expect(tail.lines == ["line 5", "line 6", "line 7"])
    }

    @Test func keepsEverythingBelowCapacity() {
        let tail = OutputTail(capacity: 3)
        tail.append("a")
        tail.append("b")
        #expect(tail.lines == ["a", "b"])
        #expect(tail.quoted == "    a\n    b")
    }

    @Test func cutsRunawayLines() {
        let tail = OutputTail(capacity: 2)
        tail.append(String(repeating: "x", count: 5_000))
        #expect(tail.lines[0].count == OutputTail.maxLineLength + 1)
    }

    @Test func quotesAnEmptyTailAsSuch() {
        #expect(OutputTail().quoted == "    (it wrote nothing to stderr)")
    }
}
