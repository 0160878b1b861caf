import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts, strictly: the boundary must be declared, every
/// part needs a `Content-Disposition: form-data; name="…"` header, and the body must end with the closing
/// delimiter — anything else is refused with a `FormError` that says what is wrong, rather than guessed at.
struct MultipartFormData: Sendable {
    /// One form field: its name, the file name and content type when it is a file, and its bytes.
    struct Part: Sendable, Equatable {
        var name: String
        var filename: String?
        var contentType: String?
        var body: [UInt8]
    }

    var parts: [Part]

    /// RFC 2046 caps a boundary at 70 characters.
    static let maxBoundaryLength = 70
    /// A part's headers are a few short lines; more than this is not a form a browser sent.
    static let maxHeaderBytes = 8 * 1024

    /// The first part called `name`.
    func part(named name: String) -> Part? {
        parts.first { $0.name == name }
    }

    /// The boundary declared by a `Content-Type: multipart/form-data; boundary=…` header value.
    static func boundary(fromContentType contentType: String?) throws(FormError) -> String {
        guard let contentType, !contentType.isEmpty else {
            throw FormError("the request has no Content-Type; send the form as multipart/form-data")
        }
        let fields = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.first?.lowercased() == "multipart/form-data" else {
            throw FormError("Content-Type is '\(contentType)'; send the form as multipart/form-data")
        }
        for field in fields.dropFirst() {
            let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard (1...maxBoundaryLength).contains(value.utf8.count) else {
                throw FormError("the multipart boundary must be 1-\(maxBoundaryLength) characters long (got \(value.utf8.count))")
            }
            return value
        }
        throw FormError("Content-Type '\(contentType)' has no boundary parameter; multipart/form-data needs one")
    }

    /// Splits `body` at `boundary` into parts.
    init(body: [UInt8], boundary: String) throws(FormError) {
        let dashBoundary = Array("--\(boundary)".utf8)
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The first delimiter may open the body directly or follow a preamble (which is ignored).
        var position: Int
        if body.starts(with: dashBoundary) {
            position = dashBoundary.count
        } else if let found = Self.find(delimiter, in: body, from: 0) {
            position = found + delimiter.count
        } else {
            throw FormError("the body does not contain the boundary '\(boundary)' from its Content-Type")
        }
        var parts: [Part] = []
        while true {
            // After a delimiter: "--" closes the body; otherwise CRLF and the next part's headers follow.
            if body[position...].starts(with: Self.dashDash) {
                break
            }
            guard body[position...].starts(with: Self.crlf) else {
                throw FormError(
                    "the body is truncated or malformed after boundary \(parts.count + 1): expected a line break or '--'")
            }
            position += Self.crlf.count
            guard let headerEnd = Self.find(Self.crlfcrlf, in: body, from: position, limit: Self.maxHeaderBytes) else {
                throw FormError(
                    "part \(parts.count + 1) is truncated: its headers do not end with an empty line (within \(Self.maxHeaderBytes) bytes)"
                )
            }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + Self.crlfcrlf.count
            guard let contentEnd = Self.find(delimiter, in: body, from: contentStart) else {
                throw FormError("part \(parts.count + 1) is truncated: the closing boundary '--\(boundary)--' is missing")
            }
            parts.append(try Self.part(headers: headers, body: Array(body[contentStart..<contentEnd]), index: parts.count + 1))
            position = contentEnd + delimiter.count
        }
        guard !parts.isEmpty else {
            throw FormError("the form has no parts")
        }
        self.parts = parts
    }

    private static let crlf: [UInt8] = [13, 10]
    private static let crlfcrlf: [UInt8] = [13, 10, 13, 10]
    private static let dashDash: [UInt8] = [45, 45]

    private static func part(headers: String, body: [UInt8], index: Int) throws(FormError) -> Part {
        var disposition: String?
        var contentType: String?
        for line in headers.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else {
                throw FormError("part \(index) has a header line without ':' ('\(line.prefix(80))')")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch name {
            case "content-disposition": disposition = value
            case "content-type": contentType = value
            default: continue
            }
        }
        guard let disposition else {
            throw FormError("part \(index) has no Content-Disposition header; every form part needs one")
        }
        let parameters = DispositionParameters(disposition)
        guard parameters.type == "form-data", let name = parameters.values["name"], !name.isEmpty else {
            throw FormError("part \(index) must say Content-Disposition: form-data; name=\"…\" (got '\(disposition)')")
        }
        return Part(name: name, filename: parameters.values["filename"], contentType: contentType, body: body)
    }

    /// The first index of `needle` in `haystack` at or after `start`, looking at most `limit` bytes past `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, limit: Int = .max) -> Int? {
        guard let first = needle.first, start <= haystack.count else { return nil }
        let last = min(haystack.count - needle.count, limit == .max ? .max : start + limit)
        guard start <= last else { return nil }
        return haystack.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { pattern in
                var index = start
                while index <= last {
                    if bytes[index] == first {
                        var matched = 1
                        while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }
}
