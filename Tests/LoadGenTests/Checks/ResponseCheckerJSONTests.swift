import Testing
@testable import LoadGen

@Suite struct ResponseCheckerJSONTests {
    private static let body = Array(
        """
        {"detections":[{"box":[155,104,224,224],"label":"face","neighbors":31}],\
        "image":{"height":600,"width":512},"model":"face","version":1,"cached":false,"note":null}
        """.utf8)

    private func outcome(_ expectations: JSONExpectation..., body: [UInt8]? = body) -> CheckOutcome {
        ResponseChecker(expect: Expectations(json: expectations), goldens: nil)
            .check(status: 200, headers: [], body: body, payloadName: nil)
    }

    @Test func existingPathsPass() {
        #expect(outcome(JSONExpectation(path: "image.width"), JSONExpectation(path: "detections.0.box")) == .passed)
        #expect(outcome(JSONExpectation(path: "note")) == .passed)
    }

    @Test func missingPathsFail() {
        #expect(outcome(JSONExpectation(path: "image.depth")) == .failed("json 'image.depth' missing"))
        #expect(outcome(JSONExpectation(path: "detections.1.box")) == .failed("json 'detections.1.box' missing"))
        #expect(outcome(JSONExpectation(path: "model.name")) == .failed("json 'model.name' missing"))
    }

    @Test func equalsComparesStringsNumbersBooleansAndNull() {
        #expect(outcome(JSONExpectation(path: "model", equals: .string("face"))) == .passed)
        #expect(outcome(JSONExpectation(path: "image.width", equals: .number(512))) == .passed)
        #expect(outcome(JSONExpectation(path: "detections.0.box.3", equals: .number(224.0))) == .passed)
        #expect(outcome(JSONExpectation(path: "cached", equals: .bool(false))) == .passed)
        #expect(outcome(JSONExpectation(path: "note", equals: .null)) == .passed)
    }

    @Test func mismatchesSayWhatWasExpectedAndWhatCame() {
        #expect(
            outcome(JSONExpectation(path: "model", equals: .string("eye")))
                == .failed("json 'model': expected \"eye\", got \"face\""))
        #expect(
            outcome(JSONExpectation(path: "version", equals: .number(2)))
                == .failed("json 'version': expected 2, got 1"))
        // A number is not a boolean even where Foundation would bridge one to the other.
        #expect(
            outcome(JSONExpectation(path: "version", equals: .bool(true)))
                == .failed("json 'version': expected true, got 1"))
        #expect(
            outcome(JSONExpectation(path: "image", equals: .number(1)))
                == .failed("json 'image': expected 1, got an object"))
    }

    @Test func nonJSONBodiesFail() {
        #expect(outcome(JSONExpectation(path: "model"), body: Array("<html>".utf8)) == .failed("body is not JSON"))
        #expect(outcome(JSONExpectation(path: "model"), body: []) == .failed("body is empty, JSON expected"))
        #expect(outcome(JSONExpectation(path: "model"), body: nil) == .failed("body is empty, JSON expected"))
    }
}
