import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A third-party server started as its own process on a free loopback port, for tests that check the engine against
/// servers it did not write (nginx, Python's http.server). Waits until the port accepts connections; stopped by the
/// PID it was started with.
final class LoopbackServerProcess {
    let port: Int
    private let process: Process
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts `executable` with the arguments `arguments(port)` builds for a free port.
    init(_ executable: String, arguments: (Int) -> [String]) throws {
        port = try Self.freeLoopbackPort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments(port)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Waits (at most 10 s) until the server accepts connections; `exited` explains a server that died first.
    func waitUntilListening(_ what: String, exited: @escaping () -> String = { "" }) async throws {
        try await waitUntil("\(what) to listen on 127.0.0.1:\(port)", within: .seconds(10), every: .milliseconds(20)) {
            guard process.isRunning else { throw ServerProcessExited(what: what, detail: exited()) }
            return Self.accepts(port: port)
        }
    }

    func stop() {
        guard process.isRunning else { return }
        // SIGKILL: the test process blocks SIGTERM for its own interrupt handling, and a child inherits the signal
        // mask, so a SIGTERM could stay pending. These servers run as one process with nothing to clean up.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw ServerProcessExited(what: "a free loopback port", detail: String(cString: strerror(errno))) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return address
    }
}

/// A test server process exited (or could not be started) before it listened.
struct ServerProcessExited: Error, CustomStringConvertible {
    let what: String
    let detail: String
    var description: String { "\(what) is not available: \(detail)" }
}
