import Foundation

/// Judges one response against a request's expectations.
///
/// The status is decided first; only accepted responses get header, JSON and detection checks, and the first
/// failing check names the outcome.
public struct ResponseChecker: Sendable {
    public let expect: Expectations
    public let goldens: GoldenDetections?

    public init(expect: Expectations, goldens: GoldenDetections?) {
        self.expect = expect
        self.goldens = goldens
    }

    /// True when the engine must keep the response body for `check`.
    public var needsBody: Bool { expect.needsBody }

    /// payloadName: the basename of the body file that was sent (nil for non-file bodies).
    public func check(status: Int, headers: [(String, String)], body: [UInt8]?, payloadName: String?) -> CheckOutcome {
        guard expect.status.accepts(status) else { return .statusRejected(status) }
        for expectation in expect.headers {
            if let failure = Self.check(expectation, in: headers) { return .failed(failure) }
        }
        guard needsBody else { return .passed }
        guard let body, !body.isEmpty,
            let json = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        else {
            return .failed(body?.isEmpty ?? true ? "body is empty, JSON expected" : "body is not JSON")
        }
        for expectation in expect.json {
            if let failure = Self.check(expectation, in: json) { return .failed(failure) }
        }
        if let detections = expect.detections,
            let failure = checkDetections(json, against: detections, payloadName: payloadName)
        {
            return .failed(failure)
        }
        return .passed
    }

    private static func check(_ expectation: HeaderExpectation, in headers: [(String, String)]) -> String? {
        let values = headers.filter { $0.0.caseInsensitiveCompare(expectation.name) == .orderedSame }.map(\.1)
        guard let first = values.first else { return "header '\(expectation.name)' missing" }
        guard let expected = expectation.equals, !values.contains(expected) else { return nil }
        return "header '\(expectation.name)': expected \"\(bounded(expected))\", got \"\(bounded(first))\""
    }

    private static func check(_ expectation: JSONExpectation, in json: Any) -> String? {
        guard let found = JSONPath.value(at: expectation.path, in: json) else {
            return "json '\(expectation.path)' missing"
        }
        guard let expected = expectation.equals else { return nil }
        let actual = JSONValue(serialized: found)
        guard actual != expected else { return nil }
        let got = actual?.checkText ?? (found is [Any] ? "an array" : "an object")
        return "json '\(expectation.path)': expected \(expected.checkText), got \(got)"
    }

    private func checkDetections(_ json: Any, against expectation: DetectionsExpectation, payloadName: String?) -> String? {
        guard let goldens else { return "detections: no golden file loaded" }
        guard let payloadName else { return "detections: request body is not a file, nothing to compare" }
        guard let expected = goldens.boxes(for: payloadName) else {
            return "detections: no golden entry for '\(Self.bounded(payloadName))'"
        }
        guard let actual = DetectionBoxes.fromResponse(json) else {
            return "detections: response has no list of {box: [x, y, w, h]}"
        }
        let matched = BoxMatching.matchedCount(expected: expected, actual: actual, minimumIoU: expectation.minimumIoU)
        guard matched != expected.count || actual.count != expected.count else { return nil }
        let iou = JSONValue.number(expectation.minimumIoU).checkText
        return "detections: \(expected.count) boxes expected, \(matched) matched at IoU>=\(iou) (got \(actual.count))"
    }

    /// Response text in a message is cut short: messages are grouped in reports and must stay bounded.
    private static func bounded(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}
