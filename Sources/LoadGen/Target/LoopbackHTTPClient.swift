#if canImport(Glibc)
    import Glibc
    private let streamSocket = Int32(SOCK_STREAM.rawValue)
    // A peer that closes early must yield EPIPE, not kill loadgen with SIGPIPE.
    private let noSignalFlag = Int32(MSG_NOSIGNAL)
#elseif canImport(Darwin)
    import Darwin
    private let streamSocket = SOCK_STREAM
    private let noSignalFlag: Int32 = 0
#endif

// The client's own method names shadow the C functions, so they are reached through these.
private func systemConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(fd, address, length)
}

private func systemSend(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int {
    send(fd, bytes, count, flags)
}

/// A tiny blocking HTTP/1.1 client for 127.0.0.1: one request per connection (`Connection: close`), read to EOF.
///
/// Used for readiness probes of the bundled replicas, where a full client (the load engine, libcurl) would be
/// more machinery than the job needs. Every socket call has a timeout, so a probe cannot hang.
struct LoopbackHTTPClient: Sendable {
    /// A status code and the raw body bytes.
    struct Response: Sendable, Equatable {
        var status: Int
        var body: [UInt8]
    }

    /// Why a probe got no HTTP answer.
    struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        let description: String
    }

    let port: Int
    /// Applies to connecting, each send and each receive.
    let timeout: Duration

    init(port: Int, timeout: Duration = .seconds(2)) {
        self.port = port
        self.timeout = timeout
    }

    func get(_ path: String) throws(Failure) -> Response {
        try send(method: "GET", path: path)
    }

    func send(method: String, path: String, headers: [(String, String)] = [], body: [UInt8] = []) throws(Failure) -> Response {
        let socket = try openConnection()
        defer { close(socket) }
        return try exchange(on: socket, method: method, path: path, headers: headers, body: body)
    }

    /// Sends one request on an already open connection `socket` and reads the answer to EOF.
    func exchange(
        on socket: Int32, method: String, path: String, headers: [(String, String)], body: [UInt8]
    ) throws(Failure) -> Response {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PUT" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        try sendAll(Array(head.utf8) + body, to: socket)
        return try Self.parse(try readToEnd(socket))
    }

    func openConnection() throws(Failure) -> Int32 {
        let fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed: \(String(cString: strerror(errno)))") }
        var tv = timeval(
            tv_sec: Int(timeout.components.seconds), tv_usec: .init(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): \(reason)")
        }
        return fd
    }

    private func sendAll(_ bytes: [UInt8], to fd: Int32) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { systemSend(fd, $0.baseAddress, $0.count, noSignalFlag) }
            if sent < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "sending to 127.0.0.1:\(port) failed: \(String(cString: strerror(errno)))")
            }
            offset += sent
        }
    }

    private func readToEnd(_ fd: Int32) throws(Failure) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "reading from 127.0.0.1:\(port) failed: \(String(cString: strerror(errno)))")
            }
            received += buffer[..<count]
        }
    }

    /// Splits `HTTP/1.1 200 OK\r\n...\r\n\r\nbody`; the body is taken as sent (the server closes after it).
    static func parse(_ bytes: [UInt8]) throws(Failure) -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.indices.dropLast(3).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            throw Failure(description: "the answer is not HTTP (\(bytes.count) bytes, no header end)")
        }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let statusLine = head.split(separator: "\r\n", maxSplits: 1).first ?? ""
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw Failure(description: "the answer is not HTTP (status line '\(statusLine)')")
        }
        return Response(status: status, body: Array(bytes[(end + 4)...]))
    }
}
