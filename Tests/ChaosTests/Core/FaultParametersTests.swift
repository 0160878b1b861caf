import Chaos
import Testing

/// Fault parameters read as typed values, and every mistake names where it is and what to write.
struct FaultParametersTests {
    let parameters = FaultParameters(
        ["latency": "200", "toxicity": "0.5", "stream": "upstream"], location: "chaos[1].fault.latency")

    @Test func readsTypedValuesAndDefaults() throws {
        #expect(try parameters.integer("latency") == 200)
        #expect(try parameters.integer("jitter", default: 0) == 0)
        #expect(try parameters.number("toxicity") == 0.5)
        #expect(try parameters.text("stream", allowed: ["upstream", "downstream"]) == "upstream")
    }

    @Test func missingBadAndUnknownKeysSayWhere() {
        #expect(throws: FaultError(.invalidParameter, "chaos[1].fault.latency: missing 'jitter'; add e.g. 'jitter: 100'")) {
            try parameters.integer("jitter")
        }
        #expect(throws: FaultError(.invalidParameter, "chaos[1].fault.latency.toxicity: '0.5' is not a whole number")) {
            try parameters.integer("toxicity")
        }
        #expect(throws: FaultError(.invalidParameter, "chaos[1].fault.latency.latency: 200 is outside 0...100")) {
            try parameters.integer("latency", range: 0...100)
        }
        #expect(
            throws: FaultError(
                .invalidParameter, "chaos[1].fault.latency: unknown parameter 'stream'; expected one of jitter, latency, toxicity"
            )
        ) {
            try parameters.rejectUnknown(allowing: ["latency", "jitter", "toxicity"])
        }
    }
}
