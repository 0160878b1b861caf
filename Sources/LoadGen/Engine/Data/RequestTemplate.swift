import Foundation
import NIOCore

/// A request whose path, header values or text body have placeholders: rendered into bytes once per request (only
/// such requests pay for it; the others stay pre-encoded). All fields of one feed in one request come from the same
/// row; a file body (a rotating payload) is appended as it is.
struct RequestTemplate {
    /// A placeholder resolved to where its value comes from.
    private enum Slot {
        case literal(String)
        /// `feed` indexes `feedIndices` (the row drawn for this request), `index` the field in that row.
        case field(feed: Int, index: Int)
        case builtin(TextTemplate.Builtin)
    }

    private let method: String
    private let path: [Slot]
    private let fixedHeaders: String
    private let headers: [(name: String, value: [Slot])]
    private let textBody: [Slot]?
    private let addsContentLength: Bool
    /// POST, PUT and PATCH say `Content-Length: 0` even without a body.
    private let lengthEvenWhenEmpty: Bool
    /// The feeds this request draws a row from, as `DataFeeds` indices; `Slot.field` indexes this list.
    private let feedIndices: [Int]

    /// nil when nothing in `spec` has a placeholder.
    init?(spec: RequestSpec, address: TargetAddress, fields: [String: [String]], feedIndices: [String: Int]) {
        let bodyText: String? = if case .text(let text) = spec.body { text } else { nil }
        var feeds: [String] = []
        for template in [spec.path] + spec.headers.map(\.value) + (bodyText.map { [$0] } ?? []) {
            for feed in ((try? TextTemplate.parse(template).get())?.feeds ?? []).sorted() where !feeds.contains(feed) {
                feeds.append(feed)
            }
        }
        func slots(_ text: String) -> [Slot]? {
            guard case .success(let template) = TextTemplate.parse(text) else { return nil }
            return template.pieces.map { piece in
                switch piece {
                case .literal(let text): .literal(text)
                case .builtin(let builtin): .builtin(builtin)
                case .field(let feed, let name):
                    .field(feed: feeds.firstIndex(of: feed) ?? 0, index: fields[feed]?.firstIndex(of: name) ?? 0)
                }
            }
        }
        func hasPlaceholders(_ text: String) -> Bool {
            (try? TextTemplate.parse(text).get())?.hasPlaceholders ?? false
        }
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
        lengthEvenWhenEmpty = ["POST", "PUT", "PATCH"].contains(method)
        self.feedIndices = feeds.map { feedIndices[$0] ?? 0 }
    }

    /// The request's bytes for one send, or nil when a unique feed it draws from has run out. `payload` is the
    /// variant's file body (empty for text and no body); `intendedUnixMs` fills `{{unix_ms}}`; `random` (the calling
    /// loop's own) makes `{{uuid}}` without a system call. Written straight into one buffer: this runs per request.
    func render(feeds: DataFeeds, payload: [UInt8], intendedUnixMs: Int64, random: inout SplitMix64) -> ByteBuffer? {
        var rows: [[String]] = []
        rows.reserveCapacity(feedIndices.count)
        for feed in feedIndices {
            guard let row = feeds.next(feed) else { return nil }
            rows.append(row)
        }
        var sequence: UInt64?
        func fill(_ slots: [Slot], into buffer: inout ByteBuffer) {
            for slot in slots {
                switch slot {
                case .literal(let literal): buffer.writeString(literal)
                case .field(let feed, let index):
                    let row = rows[feed]
                    if index < row.count { buffer.writeString(row[index]) }
                case .builtin(.uuid): Self.writeUUID(into: &buffer, random: &random)
                case .builtin(.sequence):
                    let value = sequence ?? feeds.nextSequence()
                    sequence = value
                    buffer.writeString(String(value))
                case .builtin(.unixMs): buffer.writeString(String(intendedUnixMs))
                }
            }
        }
        var body: ByteBuffer?
        if let textBody {
            var rendered = ByteBufferAllocator().buffer(capacity: 256)
            fill(textBody, into: &rendered)
            body = rendered
        }
        let bodyCount = body?.readableBytes ?? payload.count
        var buffer = ByteBufferAllocator().buffer(capacity: 256 + fixedHeaders.utf8.count + bodyCount)
        buffer.writeString(method)
        buffer.writeStaticString(" ")
        fill(path, into: &buffer)
        buffer.writeStaticString(" HTTP/1.1\r\n")
        buffer.writeString(fixedHeaders)
        for header in headers {
            buffer.writeString(header.name)
            buffer.writeStaticString(": ")
            fill(header.value, into: &buffer)
            buffer.writeStaticString("\r\n")
        }
        if addsContentLength, bodyCount > 0 || lengthEvenWhenEmpty {
            buffer.writeStaticString("Content-Length: ")
            buffer.writeString(String(bodyCount))
            buffer.writeStaticString("\r\n")
        }
        buffer.writeStaticString("\r\n")
        if var body { buffer.writeBuffer(&body) } else { buffer.writeBytes(payload) }
        return buffer
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A version 4 UUID in lower-case text from two draws of the loop's generator (unique for a load test's
    /// purposes — idempotency keys, trace ids — not for secrets).
    private static func writeUUID(into buffer: inout ByteBuffer, random: inout SplitMix64) {
        var high = random.next()
        var low = random.next()
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000  // version 4
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC 4122 variant
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { text in
            var position = 0
            for (index, word) in [high, low].enumerated() {
                for nibble in 0..<16 {
                    let textIndex = index * 16 + nibble
                    if textIndex == 8 || textIndex == 12 || textIndex == 16 || textIndex == 20 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = hexDigits[Int((word >> UInt64(60 - nibble * 4)) & 0xF)]
                    position += 1
                }
            }
            buffer.writeBytes(UnsafeRawBufferPointer(text))
        }
    }
}
