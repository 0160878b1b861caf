import Foundation

/// An `application/x-www-form-urlencoded` body as browsers send it: `name=value` pairs joined by `&`, `+` for
/// spaces and `%XX` escapes (UTF-8). A malformed escape is refused, not passed on half-decoded.
struct URLEncodedForm: Sendable, Equatable {
    let values: [String: String]

    init(_ body: String) throws(FormError) {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = parts.count == 2 ? try Self.decode(parts[1]) : ""
            // The first value wins, as in most frameworks; a form sends each field once.
            if values[name] == nil { values[name] = value }
        }
        self.values = values
    }

    subscript(name: String) -> String {
        values[name] ?? ""
    }

    private static func decode(_ text: Substring) throws(FormError) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw FormError("the form contains a malformed %-escape in '\(text.prefix(80))'")
        }
        return decoded
    }
}
