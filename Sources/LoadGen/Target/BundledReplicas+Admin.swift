import Foundation

extension BundledReplicas {
    /// Sends one admin request to the replica in `slot` (0-based) with the run's admin token.
    ///
    /// Every replica listens on the shared port, so a connection reaches whichever replica the kernel picks. To talk
    /// to one replica, this connects, looks up which process accepted the connection (the server-side socket's
    /// inode in /proc/net/tcp, found among that process's /proc/PID/fd links), and keeps the connection only if it
    /// is the wanted one; otherwise it closes it and connects again. Blocking socket calls run on a dispatch
    /// thread, never on the concurrency pool.
    func adminRequest(slot: Int, method: String, path: String, body: [UInt8] = [], timeout: Duration) async -> Result<LoopbackHTTPClient.Response, LoopbackHTTPClient.Failure> {
        let replica = replicas[slot]
        let port = launchPlan.port
        let token = adminToken
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(LoopbackHTTPClient.Failure) in
                    try Self.pinnedExchange(
                        to: replica, port: port, timeout: timeout, method: method, path: path,
                        headers: [("Authorization", "Bearer \(token)")], body: body)
                })
            }
        }
    }

    private static func pinnedExchange(
        to replica: ReplicaProcess, port: Int, timeout: Duration, method: String, path: String, headers: [(String, String)], body: [UInt8]
    ) throws(LoopbackHTTPClient.Failure) -> LoopbackHTTPClient.Response {
        guard let pid = replica.processID, !replica.hasEnded else {
            throw LoopbackHTTPClient.Failure(description: "bundled replica \(replica.number) is not running")
        }
        let client = LoopbackHTTPClient(port: port, timeout: timeout)
        let deadline = ContinuousClock.now + timeout
        var attempts = 0
        while ContinuousClock.now < deadline {
            attempts += 1
            let socket = try client.openConnection()
            if let localPort = localPort(of: socket), isAccepted(by: pid, from: localPort, to: port, until: min(deadline, .now + .seconds(1))) {
                defer { close(socket) }
                return try client.exchange(on: socket, method: method, path: path, headers: headers, body: body)
            }
            close(socket)
        }
        throw LoopbackHTTPClient.Failure(description: """
            could not reach bundled replica \(replica.number) (pid \(pid)) on port \(port) within \(timeout) \
            (\(attempts) connections went to other replicas or could not be traced)
            """)
    }

    private static func localPort(of socket: Int32) -> Int? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return result == 0 ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }

    /// Whether `pid` holds the accepted end of the loopback connection `clientPort → serverPort`; polls until the
    /// server has accepted it (its socket gets an inode then) or `deadline` passes.
    private static func isAccepted(by pid: Int32, from clientPort: Int, to serverPort: Int, until deadline: ContinuousClock.Instant) -> Bool {
        let local = String(format: "0100007F:%04X", serverPort)
        let remote = String(format: "0100007F:%04X", clientPort)
        while ContinuousClock.now < deadline {
            let table = (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)) ?? ""
            for line in table.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count > 9, fields[1] == local, fields[2] == remote, fields[9] != "0" else { continue }
                let link = "socket:[\(fields[9])]"
                let directory = "/proc/\(pid)/fd"
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
                return entries.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\($0)")) == link }
            }
            usleep(2_000)
        }
        return false
    }
}
