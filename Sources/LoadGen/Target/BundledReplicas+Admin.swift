import Foundation

extension BundledReplicas {
    /// Sends one request with the run's admin token to the replica in `slot` (0-based) through its control
    /// listener (`serve --control-port 0`), which only that process accepts on — the shared port would reach
    /// whichever replica the kernel picks. Waits up to `timeout` for the replica to announce that listener (it
    /// does so as it starts, before its models load). Blocking socket calls run on a dispatch thread, never on
    /// the concurrency pool.
    func adminRequest(
        slot: Int, method: String, path: String, body: [UInt8] = [], timeout: Duration
    ) async -> Result<LoopbackHTTPClient.Response, LoopbackHTTPClient.Failure> {
        let replica = replicas[slot]
        let deadline = ContinuousClock.now + timeout
        var port: Int?
        while port == nil {
            if let url = replica.controlURL { port = URLComponents(string: url)?.port }
            if port != nil { break }
            guard !replica.hasEnded else {
                return .failure(
                    LoopbackHTTPClient.Failure(description: "bundled replica \(replica.number) is not running (\(replica.phase))")
                )
            }
            guard ContinuousClock.now < deadline else {
                return .failure(
                    LoopbackHTTPClient.Failure(
                        description: """
                            bundled replica \(replica.number) announced no control listener within \(timeout); its last stderr lines:
                            \(replica.stderrTail.quoted)
                            """))
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        let client = LoopbackHTTPClient(port: port!, timeout: max(.milliseconds(100), deadline - ContinuousClock.now))
        let token = adminToken
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    returning: Result { () throws(LoopbackHTTPClient.Failure) in
                        try client.send(method: method, path: path, headers: [("Authorization", "Bearer \(token)")], body: body)
                    })
            }
        }
    }
}
