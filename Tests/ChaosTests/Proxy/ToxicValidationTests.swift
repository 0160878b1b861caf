import Testing

@testable import Chaos

/// Toxics are checked against their type, with errors that say what to write; left-out attributes get defaults.
@Suite struct ToxicValidationTests {
    @Test func fillsInDefaults() throws {
        let toxic = try ToxicRegistry.validated(Toxic(name: "slow", type: "latency", attributes: ["latency": 200]))
        #expect(toxic.attributes == ["latency": 200, "jitter": 0])
    }

    @Test func rejectsAnUnknownTypeListingTheKnownOnes() {
        #expect(
            throws: FaultError(
                .invalidParameter,
                "unknown toxic type 'latncy'; expected one of bandwidth, http_abort, http_delay, latency, limit_data, reset_peer, slicer, slow_close, timeout"
            )
        ) {
            try ToxicRegistry.validated(Toxic(name: "x", type: "latncy"))
        }
    }

    @Test func rejectsAnUnknownAttribute() {
        #expect(throws: FaultError(.invalidParameter, "toxic 'x': latency has no attribute 'latncy'; it has jitter, latency")) {
            try ToxicRegistry.validated(Toxic(name: "x", type: "latency", attributes: ["latncy": 1]))
        }
    }

    @Test func rejectsNegativeValuesAndBadRanges() {
        #expect(throws: FaultError.self) {
            try ToxicRegistry.validated(Toxic(name: "x", type: "latency", attributes: ["latency": -1]))
        }
        #expect(throws: FaultError.self) {
            try ToxicRegistry.validated(Toxic(name: "x", type: "http_abort", attributes: ["percentage": 101]))
        }
        #expect(throws: FaultError.self) {
            try ToxicRegistry.validated(Toxic(name: "x", type: "http_abort", attributes: ["status": 42]))
        }
        #expect(throws: FaultError.self) {
            try ToxicRegistry.validated(Toxic(name: "x", type: "slicer", attributes: ["average_size": 10, "size_variation": 10]))
        }
        #expect(throws: FaultError.self) { try ToxicRegistry.validated(Toxic(name: "x", type: "latency", toxicity: 1.5)) }
    }

    @Test func everyTypeHasOneRegisteredKind() {
        let names = ToxicRegistry.all.map { $0.typeName }
        #expect(Set(names).count == names.count)
        #expect(names.count == 9)
    }
}
