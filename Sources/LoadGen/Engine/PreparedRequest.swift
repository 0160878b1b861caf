import NIOCore

/// A request spec turned into ready-to-write bytes: one pre-encoded head + body per payload, so the hot path only
/// hands a buffer to the socket.
struct PreparedRequest {
    /// One encoded request per payload.
    struct Variant {
        var bytes: ByteBuffer
        var payloadName: String?
        /// The file body alone, kept only for a templated request (which encodes its head per send).
        var payload: [UInt8] = []
    }

    var name: String
    var variants: [Variant]
    var checker: ResponseChecker
    var isHead: Bool
    /// Set when the path, a header value or the text body has placeholders: the bytes are rendered per request.
    var template: RequestTemplate?

    init(
        spec: RequestSpec, payloads: PayloadSet, address: TargetAddress, checker: ResponseChecker,
        feeds: DataFeeds? = nil
    ) {
        name = spec.name
        self.checker = checker
        isHead = spec.method.uppercased() == "HEAD"
        template = RequestTemplate(
            spec: spec, address: address, fields: feeds?.fields ?? [:], feedIndices: feeds?.indices ?? [:])
        let keepsPayload = template != nil
        variants = payloads.payloads.map { payload in
            Variant(
                bytes: Self.encode(spec: spec, body: payload.bytes, address: address), payloadName: payload.name,
                payload: keepsPayload ? payload.bytes : [])
        }
    }

    static func encode(spec: RequestSpec, body: [UInt8], address: TargetAddress) -> ByteBuffer {
        var head = "\(spec.method.uppercased()) \(address.basePath)\(spec.path) HTTP/1.1\r\n"
        let names = Set(spec.headers.map { $0.name.lowercased() })
        if !names.contains("host") { head += "Host: \(address.hostHeader)\r\n" }
        if !names.contains("user-agent") { head += "User-Agent: loadgen\r\n" }
        for header in spec.headers { head += "\(header.name): \(header.value)\r\n" }
        let method = spec.method.uppercased()
        if !names.contains("content-length"), !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        var buffer = ByteBufferAllocator().buffer(capacity: head.utf8.count + body.count)
        buffer.writeString(head)
        buffer.writeBytes(body)
        return buffer
    }
}
