import Foundation
import Testing
@testable import LoadGen

@Suite struct DetectionCheckTests {
    private static let goldens = GoldenDetections(
        model: "face", files: ["grace_hopper.jpg": [[155, 104, 224, 224]], "empty.jpg": []])

    private func outcome(boxes: [[Int]], payload: String?, goldens: GoldenDetections? = goldens) -> CheckOutcome {
        let detections = boxes.map { #"{"box":\#($0),"label":"face","neighbors":3}"# }.joined(separator: ",")
        let body = #"{"detections":[\#(detections)],"model":"face","version":1}"#
        return ResponseChecker(
            expect: Expectations(detections: DetectionsExpectation(goldenFile: "golden.json")), goldens: goldens
        ).check(status: 200, headers: [], body: Array(body.utf8), payloadName: payload)
    }

    @Test func matchingBoxesPass() {
        #expect(outcome(boxes: [[157, 100, 220, 226]], payload: "grace_hopper.jpg") == .passed)
        #expect(outcome(boxes: [], payload: "empty.jpg") == .passed)
    }

    @Test func wrongBoxesSayHowManyMatched() {
        #expect(
            outcome(boxes: [[157, 100, 220, 226], [0, 0, 5, 5], [9, 9, 9, 9]], payload: "grace_hopper.jpg")
                == .failed("detections: 1 boxes expected, 1 matched at IoU>=0.5 (got 3)"))
        #expect(
            outcome(boxes: [], payload: "grace_hopper.jpg")
                == .failed("detections: 1 boxes expected, 0 matched at IoU>=0.5 (got 0)"))
    }

    @Test func payloadWithoutGoldenEntryFails() {
        #expect(outcome(boxes: [], payload: "cat.jpg") == .failed("detections: no golden entry for 'cat.jpg'"))
        #expect(outcome(boxes: [], payload: nil) == .failed("detections: request body is not a file, nothing to compare"))
        #expect(outcome(boxes: [], payload: "empty.jpg", goldens: nil) == .failed("detections: no golden file loaded"))
    }

    @Test func checkerWantsTheBody() {
        let checker = ResponseChecker(
            expect: Expectations(detections: DetectionsExpectation(goldenFile: "golden.json")), goldens: Self.goldens)
        #expect(checker.needsBody)
    }

    @Test func goldenFileLoadsFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(#"{"model": "face", "files": {"grace_hopper.jpg": [[155, 104, 224, 224]], "empty.jpg": []}}"#.utf8)
            .write(to: url)
        #expect(try GoldenDetections.load(from: url) == Self.goldens)
    }

    @Test func malformedGoldenFilesSayWhatIsWrong() {
        let file = URL(fileURLWithPath: "golden.json")
        #expect(throws: GoldenDetectionsError.self) { try GoldenDetections.parse(Data("nope".utf8), file: file) }
        do {
            _ = try GoldenDetections.parse(Data(#"{"files": {"a.jpg": [[1, 2, 3]]}}"#.utf8), file: file)
            Issue.record("a three-number box was accepted")
        } catch {
            #expect("\(error)".contains("files.a.jpg must be a list of [x, y, width, height] integer boxes"))
        }
    }
}
