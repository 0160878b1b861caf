import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking TCP client socket for asserting exactly what arrives, read by read; every receive has a timeout.
final class TestSocket {
    enum ReadResult: Equatable {
        case data([UInt8])
        case end
        case reset
        case timedOut
        case failed(Int32)
    }

    private let descriptor: Int32

    /// Connects to 127.0.0.1:`port`; nil with errno when refused.
    init(port: Int, timeout: Double = 5) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var wait = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            let error = errno
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO)
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Sends up to `count` bytes until the send buffer stays full for the socket's timeout; returns how many went.
    func sendUntilBlocked(count: Int) -> Int {
        let block = [UInt8](repeating: 0x62, count: 64 * 1024)
        var total = 0
        while total < count {
            let sent = block.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, min($0.count, count - total), Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 { break }
            total += sent
        }
        return total
    }

    /// One `recv`, as the application would see it.
    func readOnce(max: Int = 65536) -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: max)
        let count = recv(descriptor, &buffer, max, 0)
        if count > 0 { return .data(Array(buffer[..<count])) }
        if count == 0 { return .end }
        switch errno {
        case ECONNRESET: return .reset
        case EAGAIN, EWOULDBLOCK: return .timedOut
        default: return .failed(errno)
        }
    }

    /// Reads until `count` bytes arrived, or the stream ended, reset or timed out; returns the bytes, the reads
    /// it took and how it stopped (nil when `count` was reached).
    func read(count: Int) -> (bytes: [UInt8], reads: Int, stop: ReadResult?) {
        var bytes: [UInt8] = []
        var reads = 0
        while bytes.count < count {
            switch readOnce(max: count - bytes.count) {
            case .data(let chunk):
                bytes += chunk
                reads += 1
            case let stop:
                return (bytes, reads, stop)
            }
        }
        return (bytes, reads, nil)
    }

    /// Reads until the stream stops (end, reset, timeout); returns everything received and how it stopped.
    func readToStop() -> (bytes: [UInt8], stop: ReadResult) {
        var bytes: [UInt8] = []
        while true {
            switch readOnce() {
            case .data(let chunk): bytes += chunk
            case let stop: return (bytes, stop)
            }
        }
    }
}
