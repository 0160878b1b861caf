import Foundation
import Testing

@testable import LoadGen

/// Body globs and golden files are checked on disk, relative to the scenario file's directory.
@Suite struct PayloadFileTests {
    static func scenario(body: String, expect: String = "{}") -> String {
        """
        name: x
        target: { bundled: {} }
        requests: [ { name: detect, path: /, body: \(body), expect: \(expect) } ]
        phases: [ { name: steady, duration: 10s, arrival: { rate: 5/s } } ]
        """
    }

    @Test func globMatchingNothingNamesTheResolvedPattern() throws {
        try withScenarioDirectory(files: ["images/a.png": "a"]) { directory in
            let errors = ScenarioInput.errors(Self.scenario(body: "{ files: images/*.jpg }"), in: directory)
            let resolved = directory.standardizedFileURL.path + "/images/*.jpg"
            #expect(
                errors == [
                    "scenario.yaml:3:53: requests[0].body.files: no regular file matches '\(resolved)'; the glob is relative to the scenario file's directory"
                ])
        }
    }

    @Test func directoriesDoNotCountAsMatches() throws {
        try withScenarioDirectory(files: ["images/sub.jpg/inner.txt": "x"]) { directory in
            let errors = ScenarioInput.errors(Self.scenario(body: "{ files: images/*.jpg }"), in: directory)
            #expect(errors.count == 1)
            #expect(PayloadGlob.files(matching: "images/*.jpg", relativeTo: directory).isEmpty)
        }
    }

    @Test func globMatchesAreSortedRegularFiles() throws {
        try withScenarioDirectory(files: ["images/b.jpg": "b", "images/a.jpg": "a", "images/c.txt": "c"]) { directory in
            let names = PayloadGlob.files(matching: "images/*.jpg", relativeTo: directory).map(\.lastPathComponent)
            #expect(names == ["a.jpg", "b.jpg"])
        }
    }

    @Test func goldenNeedsItsFileBesideThePayloads() throws {
        try withScenarioDirectory(files: ["images/a.jpg": "a"]) { directory in
            let errors = ScenarioInput.errors(
                Self.scenario(body: "{ files: images/*.jpg }", expect: "{ detections: golden }"), in: directory)
            let golden = directory.standardizedFileURL.path + "/images/golden.json"
            #expect(
                errors == [
                    "scenario.yaml:3:91: requests[0].expect.detections: golden file '\(golden)' does not exist; generate it or give its path with { golden: FILE }"
                ])
        }
    }

    @Test func goldenNeedsPayloadFiles() {
        let errors = ScenarioInput.errors(Self.scenario(body: "{ text: hi }", expect: "{ detections: golden }"))
        #expect(
            errors == [
                "scenario.yaml:3:80: requests[0].expect.detections: detection checks need 'body: { files: ... }', since golden boxes are kept per payload file"
            ])
    }

    @Test func iouMustBeAFraction() throws {
        try withScenarioDirectory(files: ["a.jpg": "a", "g.json": "{}"]) { directory in
            let errors = ScenarioInput.errors(
                Self.scenario(body: "{ files: a.jpg }", expect: "{ detections: { golden: g.json, iou: 1.5 } }"), in: directory)
            #expect(
                errors == [
                    "scenario.yaml:3:107: requests[0].expect.detections.iou must be a number greater than 0 and at most 1, such as 0.5, not '1.5'"
                ])
        }
    }
}
