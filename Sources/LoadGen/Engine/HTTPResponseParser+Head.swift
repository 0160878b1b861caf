#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension HTTPResponseParser {
    /// A status line and header block read in one pass.
    struct ScannedHead {
        /// Bytes of the head, terminating blank line included (and any stray CRLFs before it).
        var consumed: Int
        var status: Int
        var contentLength: Int?
        var chunked = false
        /// `Connection: close`, or an HTTP/1.0 response without `Connection: keep-alive`: the server ends the
        /// connection after this response (RFC 9112 §9.3), so no further request may be written on it.
        var closes: Bool { closeRequested || (isHTTP10 && !keepAliveRequested) }
        var closeRequested = false
        var keepAliveRequested = false
        var isHTTP10 = false
        var headers: [(String, String)] = []
    }

    /// Reads a complete response head from raw bytes, or returns nil when the blank line that ends it has not
    /// arrived yet. Works on an unsafe buffer with memchr: a ByteBufferView walk copied and retained the buffer's
    /// storage for every line, which was the parser's main cost at tens of thousands of responses per second.
    static func scanHead(_ raw: UnsafeRawBufferPointer, keepHeaders: Bool) throws -> ScannedHead? {
        guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let count = raw.count
        var position = 0
        // Tolerate stray CRLFs between responses.
        while position < count, base[position] == 13 || base[position] == 10 { position += 1 }
        var head = ScannedHead(consumed: 0, status: 0)
        var isStatusLine = true
        while position < count {
            guard let newlinePointer = memchr(base + position, 10, count - position) else { return nil }
            let newline = UnsafePointer<UInt8>(newlinePointer.assumingMemoryBound(to: UInt8.self)) - base
            var end = newline
            if end > position, base[end - 1] == 13 { end -= 1 }
            let line = UnsafeBufferPointer(start: base + position, count: end - position)
            position = newline + 1
            if isStatusLine {
                head.status = try parseStatus(line)
                head.isHTTP10 = line[5] == UInt8(ascii: "1") && line[7] == UInt8(ascii: "0")
                isStatusLine = false
            } else if line.isEmpty {
                head.consumed = position
                return head
            } else {
                try scanHeader(line, into: &head, keepHeaders: keepHeaders)
            }
        }
        return nil
    }

    private static func parseStatus(_ line: UnsafeBufferPointer<UInt8>) throws -> Int {
        // "HTTP/1.1 200 OK": three digits after the first space.
        guard line.count >= 12, line[0] == UInt8(ascii: "H"), let space = line.firstIndex(of: 32), space + 3 < line.count else {
            throw ParseError.malformedStatusLine
        }
        var status = 0
        for index in (space + 1)...(space + 3) {
            let digit = Int(line[index]) - 48
            guard (0...9).contains(digit) else { throw ParseError.malformedStatusLine }
            status = status * 10 + digit
        }
        return status
    }

    private static func scanHeader(_ line: UnsafeBufferPointer<UInt8>, into head: inout ScannedHead, keepHeaders: Bool) throws {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw ParseError.malformedHeader }
        var valueStart = colon + 1
        while valueStart < line.count, line[valueStart] == 32 || line[valueStart] == 9 { valueStart += 1 }
        var valueEnd = line.count
        while valueEnd > valueStart, line[valueEnd - 1] == 32 || line[valueEnd - 1] == 9 { valueEnd -= 1 }
        let name = UnsafeBufferPointer(rebasing: line[0..<colon])
        let value = UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd])
        switch colon {
        case 14 where equalsIgnoringCase(name, "content-length"):
            guard let length = parseDecimal(value) else { throw ParseError.malformedHeader }
            head.contentLength = length
        case 17 where equalsIgnoringCase(name, "transfer-encoding"):
            head.chunked = containsIgnoringCase(value, "chunked")
        case 10 where equalsIgnoringCase(name, "connection"):
            if containsIgnoringCase(value, "close") { head.closeRequested = true }
            if containsIgnoringCase(value, "keep-alive") { head.keepAliveRequested = true }
        default:
            break
        }
        if keepHeaders {
            head.headers.append((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
    }

    private static func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            let digit = Int(byte) - 48
            guard (0...9).contains(digit), value < Int.max / 10 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { (byte >= 65 && byte <= 90) ? byte | 0x20 : byte }

    private static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = lowercase.utf8Start
        for index in 0..<bytes.count where lowered(bytes[index]) != expected[index] { return false }
        return true
    }

    /// ASCII-only token search: `close`, `chunked` and the like.
    private static func containsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        let needle = lowercase.utf8Start
        let length = lowercase.utf8CodeUnitCount
        guard length > 0, bytes.count >= length else { return false }
        outer: for start in 0...(bytes.count - length) {
            for offset in 0..<length where lowered(bytes[start + offset]) != needle[offset] { continue outer }
            return true
        }
        return false
    }
}
