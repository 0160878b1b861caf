import Foundation

/// Reads `[x, y, width, height]` boxes out of parsed JSON, for golden files and responses alike.
enum DetectionBoxes {
    /// Each element must be a list of exactly four integral numbers; nil otherwise.
    static func parse(_ list: [Any]) -> [[Int]]? {
        var boxes: [[Int]] = []
        for element in list {
            guard let box = parseBox(element) else { return nil }
            boxes.append(box)
        }
        return boxes
    }

    static func parseBox(_ value: Any) -> [Int]? {
        guard let numbers = value as? [Any], numbers.count == 4 else { return nil }
        var box: [Int] = []
        for number in numbers {
            guard case .number(let value) = JSONValue(serialized: number), value == value.rounded(),
                abs(value) < 1e9
            else { return nil }
            box.append(Int(value))
        }
        return box
    }

    /// The boxes of a detection response: `{"detections": [{"box": [x, y, w, h], ...}, ...]}`.
    static func fromResponse(_ json: Any) -> [[Int]]? {
        guard let root = json as? [String: Any], let detections = root["detections"] as? [Any] else { return nil }
        var boxes: [[Int]] = []
        for detection in detections {
            guard let fields = detection as? [String: Any], let box = fields["box"].flatMap(parseBox) else { return nil }
            boxes.append(box)
        }
        return boxes
    }
}
