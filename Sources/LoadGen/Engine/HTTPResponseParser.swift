import NIOCore

/// An incremental HTTP/1.1 response parser for the load engine's hot path.
///
/// Why not NIO's `HTTPResponseDecoder`: it builds an `HTTPHeaders` value per response and has to observe typed
/// request writes, while the engine writes pre-encoded bytes. This parser looks only at what the engine needs —
/// status, framing (`Content-Length`, chunked, `Connection: close`) and, when a check asks for them, the headers and
/// body — and allocates nothing for a response nobody inspects.
struct HTTPResponseParser {
    /// A finished response.
    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]?
        /// The server asked to close the connection after this response.
        var closesConnection: Bool
    }

    enum ParseError: Error, CustomStringConvertible {
        case malformedStatusLine
        case malformedHeader
        case malformedChunk
        case headersTooLarge

        var description: String {
            switch self {
            case .malformedStatusLine: "malformed HTTP status line"
            case .malformedHeader: "malformed HTTP header line"
            case .malformedChunk: "malformed chunked body"
            case .headersTooLarge: "response headers exceed 64 KiB"
            }
        }
    }

    private enum State {
        /// Waiting for a complete status line and header block.
        case statusLine
        case body(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case untilClose
    }

    /// Keep header pairs for the next response (checks on headers need them).
    var keepHeaders = false
    /// Keep the body of the next response (JSON and detection checks need it).
    var keepBody = false
    /// The request was HEAD: the response has no body whatever its headers say.
    var expectsNoBody = false

    private var state = State.statusLine
    private var status = 0
    private var contentLength: Int?
    private var chunked = false
    private var closes = false
    private var headers: [(String, String)] = []
    private var body: [UInt8]?
    private var pending = ByteBuffer()
    private static let maxHeaderBytes = 64 * 1024

    /// Feeds bytes; calls `onResponse` for every response they complete (pipelined servers may send several).
    mutating func feed(_ incoming: inout ByteBuffer, onResponse: (Response) -> Void) throws {
        if pending.readableBytes > 0 {
            var joined = pending
            pending = ByteBuffer()
            joined.writeBuffer(&incoming)
            try parse(&joined, onResponse: onResponse)
            joined.discardReadBytes()
            pending = joined
        } else {
            try parse(&incoming, onResponse: onResponse)
            if incoming.readableBytes > 0 { pending.writeBuffer(&incoming) }
        }
        if pending.readableBytes > Self.maxHeaderBytes, !isBodyState { throw ParseError.headersTooLarge }
    }

    /// The connection closed: a body delimited by close is complete now.
    mutating func finishOnClose(onResponse: (Response) -> Void) -> Bool {
        if case .untilClose = state {
            complete(onResponse: onResponse)
            return true
        }
        return false
    }

    private var isBodyState: Bool {
        switch state {
        case .body, .chunkData, .untilClose: true
        default: false
        }
    }

    private mutating func parse(_ buffer: inout ByteBuffer, onResponse: (Response) -> Void) throws {
        while true {
            switch state {
            case .statusLine:
                let scanned = try buffer.withUnsafeReadableBytes { raw in
                    try Self.scanHead(raw, keepHeaders: keepHeaders)
                }
                guard let scanned else { return }
                buffer.moveReaderIndex(forwardBy: scanned.consumed)
                status = scanned.status
                contentLength = scanned.contentLength
                chunked = scanned.chunked
                closes = scanned.closes
                headers = scanned.headers
                body = keepBody ? [] : nil
                try startBody(onResponse: onResponse)
            case .body(let remaining):
                if remaining == 0 {
                    complete(onResponse: onResponse)
                    continue
                }
                let take = min(remaining, buffer.readableBytes)
                if take == 0 { return }
                consumeBody(&buffer, count: take)
                state = .body(remaining: remaining - take)
            case .chunkSize:
                guard let line = Self.readLine(&buffer) else { return }
                let size = try Self.parseChunkSize(line)
                state = size == 0 ? .trailers : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let take = min(remaining, buffer.readableBytes)
                if take == 0 { return }
                consumeBody(&buffer, count: take)
                state = remaining - take == 0 ? .chunkDataEnd : .chunkData(remaining: remaining - take)
            case .chunkDataEnd:
                guard let line = Self.readLine(&buffer) else { return }
                guard line.isEmpty else { throw ParseError.malformedChunk }
                state = .chunkSize
            case .trailers:
                guard let line = Self.readLine(&buffer) else { return }
                if line.isEmpty { complete(onResponse: onResponse) }
            case .untilClose:
                let take = buffer.readableBytes
                if take == 0 { return }
                consumeBody(&buffer, count: take)
            }
        }
    }

    private mutating func startBody(onResponse: (Response) -> Void) throws {
        // 1xx, 204 and 304 never have a body; neither does the answer to HEAD.
        if expectsNoBody || status / 100 == 1 || status == 204 || status == 304 {
            if status / 100 == 1 {
                state = .statusLine  // an informational response precedes the real one
                return
            }
            state = .body(remaining: 0)
        } else if chunked {
            state = .chunkSize
        } else if let contentLength {
            state = .body(remaining: contentLength)
        } else {
            closes = true
            state = .untilClose
        }
    }

    private mutating func consumeBody(_ buffer: inout ByteBuffer, count: Int) {
        if body != nil, let bytes = buffer.readBytes(length: count) {
            body!.append(contentsOf: bytes)
        } else {
            buffer.moveReaderIndex(forwardBy: count)
        }
    }

    private mutating func complete(onResponse: (Response) -> Void) {
        let response = Response(status: status, headers: keepHeaders ? headers : [], body: body, closesConnection: closes)
        state = .statusLine
        body = nil
        onResponse(response)
    }

    // MARK: - Byte-level helpers

    /// Reads one line ending in CRLF (or a bare LF), without its terminator; nil when the line is not complete yet.
    private static func readLine(_ buffer: inout ByteBuffer) -> ByteBufferView? {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var end = newline
        if end > view.startIndex, view[view.index(before: end)] == UInt8(ascii: "\r") { end = view.index(before: end) }
        let line = view[view.startIndex..<end]
        buffer.moveReaderIndex(forwardBy: newline - view.startIndex + 1)
        return line
    }

    private static func parseChunkSize(_ line: ByteBufferView) throws -> Int {
        var value = 0
        var sawDigit = false
        for byte in line {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte) - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte) - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte) - 55
            case UInt8(ascii: ";"), UInt8(ascii: " "):
                // Chunk extensions after the size are allowed and ignored.
                guard sawDigit else { throw ParseError.malformedChunk }
                return value
            default: throw ParseError.malformedChunk
            }
            guard value < Int.max / 16 else { throw ParseError.malformedChunk }
            value = value * 16 + digit
            sawDigit = true
        }
        guard sawDigit else { throw ParseError.malformedChunk }
        return value
    }

}
