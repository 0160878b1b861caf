import Foundation
import NIOCore

/// A request whose path, header values or text body have placeholders: rendered into bytes once per request (only
/// such requests pay for it; the others stay pre-encoded). All fields of one feed in one request come from the same
/// row; a file body (a rotating payload) is appended as it is.
struct RequestTemplate {
    /// A placeholder resolved to where its value comes from.
    private enum Slot {
        case literal(String)
        case field(feed: String, index: Int)
        case builtin(TextTemplate.Builtin)
    }

    private let method: String
    private let path: [Slot]
    private let fixedHeaders: String
    private let headers: [(name: String, value: [Slot])]
    private let textBody: [Slot]?
    private let addsContentLength: Bool
    private let feedNames: [String]

    /// nil when nothing in `spec` has a placeholder.
    init?(spec: RequestSpec, address: TargetAddress, fields: [String: [String]]) {
        func slots(_ text: String) -> [Slot]? {
            guard case .success(let template) = TextTemplate.parse(text) else { return nil }
            return template.pieces.map { piece in
                switch piece {
                case .literal(let text): .literal(text)
                case .builtin(let builtin): .builtin(builtin)
                case .field(let feed, let name): .field(feed: feed, index: fields[feed]?.firstIndex(of: name) ?? 0)
                }
            }
        }
        func hasPlaceholders(_ text: String) -> Bool {
            (try? TextTemplate.parse(text).get())?.hasPlaceholders ?? false
        }
        let bodyText: String? = if case .text(let text) = spec.body { text } else { nil }
        guard
            hasPlaceholders(spec.path) || spec.headers.contains(where: { hasPlaceholders($0.value) })
                || bodyText.map(hasPlaceholders) == true
        else { return nil }
        method = spec.method.uppercased()
        path = slots(address.basePath + spec.path) ?? [.literal(address.basePath + spec.path)]
        let names = Set(spec.headers.map { $0.name.lowercased() })
        var fixed = ""
        if !names.contains("host") { fixed += "Host: \(address.hostHeader)\r\n" }
        if !names.contains("user-agent") { fixed += "User-Agent: loadgen\r\n" }
        fixedHeaders = fixed
        headers = spec.headers.map { ($0.name, slots($0.value) ?? [.literal($0.value)]) }
        textBody = bodyText.map { slots($0) ?? [.literal($0)] }
        addsContentLength = !names.contains("content-length")
        var feeds: [String] = []
        for template in [spec.path] + spec.headers.map(\.value) + (bodyText.map { [$0] } ?? []) {
            for feed in (try? TextTemplate.parse(template).get())?.feeds ?? [] where !feeds.contains(feed) { feeds.append(feed) }
        }
        feedNames = feeds
    }

    /// The request's bytes for one send, or nil when a unique feed it draws from has run out.
    /// `payload` is the variant's file body (empty for text and no body); `intendedUnixMs` fills `{{unix_ms}}`.
    func render(feeds: DataFeeds, payload: [UInt8], intendedUnixMs: Int64) -> ByteBuffer? {
        var rows: [String: [String]] = [:]
        for feed in feedNames {
            guard let row = feeds.next(feed) else { return nil }
            rows[feed] = row
        }
        var sequence: UInt64?
        func fill(_ slots: [Slot], into text: inout String) {
            for slot in slots {
                switch slot {
                case .literal(let literal): text += literal
                case .field(let feed, let index): text += rows[feed]?[index] ?? ""
                case .builtin(.uuid): text += UUID().uuidString.lowercased()
                case .builtin(.sequence):
                    let value = sequence ?? feeds.nextSequence()
                    sequence = value
                    text += String(value)
                case .builtin(.unixMs): text += String(intendedUnixMs)
                }
            }
        }
        var body = ""
        if let textBody { fill(textBody, into: &body) }
        let bodyCount = textBody == nil ? payload.count : body.utf8.count
        var head = method + " "
        fill(path, into: &head)
        head += " HTTP/1.1\r\n" + fixedHeaders
        for header in headers {
            head += header.name + ": "
            fill(header.value, into: &head)
            head += "\r\n"
        }
        if addsContentLength, bodyCount > 0 || ["POST", "PUT", "PATCH"].contains(method) {
            head += "Content-Length: \(bodyCount)\r\n"
        }
        head += "\r\n"
        var buffer = ByteBufferAllocator().buffer(capacity: head.utf8.count + bodyCount)
        buffer.writeString(head)
        if textBody != nil { buffer.writeString(body) } else { buffer.writeBytes(payload) }
        return buffer
    }
}
