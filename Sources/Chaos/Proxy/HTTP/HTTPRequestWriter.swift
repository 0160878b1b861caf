import NIOCore
import NIOHTTP1

/// Turns parsed request parts back into HTTP/1.1 bytes for the upstream. Bodies keep their framing: a chunked
/// request is re-chunked, a content-length one is written as is.
struct HTTPRequestWriter {
    private var chunked = false

    mutating func bytes(for part: HTTPServerRequestPart, allocator: ByteBufferAllocator) -> ByteBuffer {
        switch part {
        case .head(let head):
            chunked = head.headers[canonicalForm: "transfer-encoding"].contains { $0.lowercased() == "chunked" }
            var buffer = allocator.buffer(capacity: 256)
            buffer.writeString("\(head.method.rawValue) \(head.uri) HTTP/\(head.version.major).\(head.version.minor)\r\n")
            for (name, value) in head.headers {
                buffer.writeString("\(name): \(value)\r\n")
            }
            buffer.writeString("\r\n")
            return buffer
        case .body(var body):
            guard chunked, body.readableBytes > 0 else { return body }
            var buffer = allocator.buffer(capacity: body.readableBytes + 16)
            buffer.writeString(String(body.readableBytes, radix: 16) + "\r\n")
            buffer.writeBuffer(&body)
            buffer.writeString("\r\n")
            return buffer
        case .end(let trailers):
            guard chunked else { return allocator.buffer(capacity: 0) }
            var buffer = allocator.buffer(capacity: 64)
            buffer.writeString("0\r\n")
            for (name, value) in trailers ?? [:] {
                buffer.writeString("\(name): \(value)\r\n")
            }
            buffer.writeString("\r\n")
            return buffer
        }
    }

    /// The answer to an aborted request, worded as Envoy's fault filter words it.
    static func abortResponse(status: Int, keepAlive: Bool, allocator: ByteBufferAllocator) -> ByteBuffer {
        let reason = HTTPResponseStatus(statusCode: status).reasonPhrase
        let body = "fault filter abort"
        var buffer = allocator.buffer(capacity: 160)
        buffer.writeString("HTTP/1.1 \(status) \(reason)\r\ncontent-type: text/plain\r\ncontent-length: \(body.utf8.count)\r\n")
        if !keepAlive { buffer.writeString("connection: close\r\n") }
        buffer.writeString("\r\n\(body)")
        return buffer
    }
}
