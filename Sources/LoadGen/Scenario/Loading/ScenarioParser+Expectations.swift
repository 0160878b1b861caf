import Foundation
import Yams

/// `expect:`: accepted statuses, required headers, JSON values and golden detections.
extension ScenarioParser {
    func expectations(from field: ScenarioField, body: RequestBody) -> Expectations? {
        let checkpoint = diagnostics.checkpoint
        guard let expect = field.mapping(keys: ["status", "headers", "json", "detections"]) else { return nil }
        let expectations = Expectations(
            status: expect["status"].flatMap(status(from:)) ?? .successful,
            headers: expect["headers"].flatMap(headerExpectations(from:)) ?? [],
            json: expect["json"].flatMap(jsonExpectations(from:)) ?? [],
            detections: expect["detections"].flatMap { detections(from: $0, body: body) })
        return diagnostics.hasErrors(since: checkpoint) ? nil : expectations
    }

    /// `200`, `2xx`, or a list of those.
    func status(from field: ScenarioField) -> StatusExpectation? {
        let items: [ScenarioField]
        if case .sequence = field.node {
            guard let list = field.sequence(nonEmpty: true, of: "status codes such as 200 or 2xx") else { return nil }
            items = list
        } else {
            items = [field]
        }
        var status = StatusExpectation()
        var valid = true
        for item in items {
            let expected = "a status code (100-599) or class (1xx-5xx)"
            guard let text = item.scalar(expected: expected) else {
                valid = false
                continue
            }
            if let code = Int(text), (100...599).contains(code) {
                status.codes.insert(code)
            } else if text.count == 3, text.hasSuffix("xx"), let digit = Int(text.prefix(1)), (1...5).contains(digit) {
                status.classes.insert(digit)
            } else {
                item.failType(expected)
                valid = false
            }
        }
        return valid ? status : nil
    }

    /// Header name to an exact value, or `exists` for presence.
    private func headerExpectations(from field: ScenarioField) -> [HeaderExpectation]? {
        let checkpoint = diagnostics.checkpoint
        guard let headers = field.anyKeyMapping(of: "header names to a value or 'exists'") else { return nil }
        var result: [HeaderExpectation] = []
        for (name, value) in headers.fields {
            guard HTTPToken.isValid(name) else {
                value.fail("'\(name)' is not a valid header name")
                continue
            }
            guard let text = value.scalar(expected: "a header value or 'exists'") else { continue }
            result.append(HeaderExpectation(name: name, equals: value.isPlainExists ? nil : text))
        }
        return diagnostics.hasErrors(since: checkpoint) ? nil : result
    }

    /// Dotted JSON path to a scalar, or `exists` for presence.
    private func jsonExpectations(from field: ScenarioField) -> [JSONExpectation]? {
        let checkpoint = diagnostics.checkpoint
        guard let paths = field.anyKeyMapping(of: "dotted JSON paths to a value or 'exists'") else { return nil }
        var result: [JSONExpectation] = []
        for (path, value) in paths.fields {
            guard !path.isEmpty, !path.split(separator: ".", omittingEmptySubsequences: false).contains("") else {
                value.fail("'\(path)' is not a dotted JSON path such as image.width or detections.0.label")
                continue
            }
            guard case .scalar(let scalar) = value.node else {
                value.failType("a string, number, true, false, null or 'exists'")
                continue
            }
            result.append(JSONExpectation(path: path, equals: value.isPlainExists ? nil : Self.jsonValue(of: scalar)))
        }
        return diagnostics.hasErrors(since: checkpoint) ? nil : result
    }

    /// Plain scalars are typed as YAML types them; quoted ones are always strings (`"3"` expects the string "3").
    private static func jsonValue(of scalar: Node.Scalar) -> JSONValue {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default:
            let isNumber =
                scalar.string.range(of: #"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil
            if isNumber, let number = Double(scalar.string) { return .number(number) }
            return .string(scalar.string)
        }
    }

    /// `golden` (the golden.json beside the payload files) or `{ golden: FILE, iou: 0.6 }`.
    private func detections(from field: ScenarioField, body: RequestBody) -> DetectionsExpectation? {
        guard case .files(let glob) = body else {
            field.fail("detection checks need 'body: { files: ... }', since golden boxes are kept per payload file")
            return nil
        }
        let expectation: DetectionsExpectation
        if case .scalar = field.node {
            guard field.choice(["golden"], what: "detections check") != nil else { return nil }
            let directory = (glob as NSString).deletingLastPathComponent
            guard !directory.contains(where: { "*?[".contains($0) }) else {
                field.fail("the payload glob '\(glob)' has wildcards in its directory; name the file with { golden: FILE }")
                return nil
            }
            expectation = DetectionsExpectation(goldenFile: directory.isEmpty ? "golden.json" : directory + "/golden.json")
        } else {
            guard let mapping = field.mapping(keys: ["golden", "iou"]),
                let file = mapping.required("golden")?.scalar(expected: "a golden JSON file path")
            else { return nil }
            let iou = mapping["iou"].map(intersectionOverUnion(from:)) ?? 0.5
            guard let iou else { return nil }
            expectation = DetectionsExpectation(goldenFile: file, minimumIoU: iou)
        }
        let resolved = PayloadGlob.resolvedPattern(expectation.goldenFile, relativeTo: baseDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            field.fail("golden file '\(resolved)' does not exist; generate it or give its path with { golden: FILE }")
            return nil
        }
        return expectation
    }

    private func intersectionOverUnion(from field: ScenarioField) -> Double? {
        let expected = "a number greater than 0 and at most 1, such as 0.5"
        guard let text = field.scalar(expected: expected), let number = DecimalNumber(text) else {
            if case .scalar = field.node, !field.isNull { field.failType(expected) }
            return nil
        }
        let value = number.doubleValue
        guard value > 0, value <= 1 else {
            field.failType(expected)
            return nil
        }
        return value
    }
}

extension ScenarioField {
    /// The unquoted word `exists`, which asks only for presence; quoted "exists" is a literal value.
    fileprivate var isPlainExists: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.string == "exists" && (scalar.style == .plain || scalar.style == .any)
    }
}
