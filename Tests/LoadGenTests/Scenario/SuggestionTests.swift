import Testing

@testable import LoadGen

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("durration", "duration"), ("burts", "burst"), ("replica", "replicas"), ("errorrate", "error_rate"),
        ("post", "POST"), ("p99", "p99"),
    ])
    func closeWordsSuggestTheCandidate(typed: String, expected: String) {
        let candidates = ["duration", "burst", "replicas", "error_rate", "POST", "p99", "p95"]
        #expect(Suggestion.nearest(to: typed, among: candidates) == expected)
    }

    @Test(arguments: ["colour", "zzz", "completely_different"])
    func distantWordsSuggestNothing(typed: String) {
        #expect(Suggestion.nearest(to: typed, among: ["duration", "rate", "burst", "url"]) == nil)
    }

    @Test func swappingNeighboursCountsAsOneEdit() {
        #expect(Suggestion.editDistance(Array("burts"), Array("burst")) == 1)
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
    }
}
