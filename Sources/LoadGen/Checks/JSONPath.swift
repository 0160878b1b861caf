/// Looks up dotted paths (`image.width`, `detections.0.box`) in `JSONSerialization` output.
enum JSONPath {
    /// The value at `path`, or nil when some step is missing: a key absent from an object, an index out of range
    /// or not a number for an array, or a step into a scalar.
    static func value(at path: String, in root: Any) -> Any? {
        var current = root
        for step in path.split(separator: ".", omittingEmptySubsequences: false) {
            if let object = current as? [String: Any] {
                guard let next = object[String(step)] else { return nil }
                current = next
            } else if let array = current as? [Any] {
                guard let index = Int(step), array.indices.contains(index) else { return nil }
                current = array[index]
            } else {
                return nil
            }
        }
        return current
    }
}
