import Foundation

/// A `Content-Disposition` value split into its type and `key=value` parameters (quoted or not), e.g.
/// `form-data; name="image"; filename="a.jpg"` → type `form-data`, `name` and `filename`.
struct DispositionParameters: Sendable {
    let type: String
    let values: [String: String]

    init(_ header: String) {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        // Split at semicolons outside quotes: a file name may contain ';'.
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                current.append(character)
            } else if character == ";" && !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        type = fields.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        var values: [String: String] = [:]
        for field in fields.dropFirst() {
            let pair = field.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            var value = pair[1]
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            values[pair[0].lowercased()] = value
        }
        self.values = values
    }
}
