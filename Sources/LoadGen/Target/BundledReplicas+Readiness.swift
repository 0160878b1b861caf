import Foundation

extension BundledReplicas {
    /// Polls until the replica prints its bound URL; throws if it ends first or `deadline` passes.
    static func waitForURL(
        of replica: ReplicaProcess, of count: Int, until deadline: ContinuousClock.Instant, spec: BundledTarget
    ) async throws -> String {
        while true {
            if let url = replica.url { return url }
            if replica.hasEnded { throw endedError(replica, of: count) }
            if ContinuousClock.now >= deadline {
                throw notReadyError(replica, of: count, spec: spec, why: "it never printed its address on stdout")
            }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// Polls until every replica is alive, has printed its URL and logged "models loaded", and `/readyz` on the
    /// shared port answers 200.
    static func waitUntilReady(
        _ replicas: [ReplicaProcess], port: Int, until deadline: ContinuousClock.Instant, spec: BundledTarget
    ) async throws {
        let probe = LoopbackHTTPClient(port: port, timeout: .seconds(1))
        var lastProbe = "not asked yet"
        while true {
            if let ended = replicas.first(where: \.hasEnded) { throw endedError(ended, of: replicas.count) }
            if replicas.allSatisfy({ $0.url != nil && $0.loggedReady }) {
                do {
                    let response = try probe.get(DetectionServiceAPI.readinessPath)
                    if response.status == 200 { return }
                    lastProbe = "HTTP \(response.status)"
                } catch {
                    lastProbe = error.description
                }
            }
            if ContinuousClock.now >= deadline {
                if let waiting = replicas.first(where: { $0.url == nil }) {
                    throw notReadyError(waiting, of: replicas.count, spec: spec, why: "it never printed its address on stdout")
                }
                if let loading = replicas.first(where: { !$0.loggedReady }) {
                    throw notReadyError(
                        loading, of: replicas.count, spec: spec, why: "it never logged \"\(ReplicaProcess.readyLogLine)\"")
                }
                throw notReadyError(
                    replicas[0], of: replicas.count, spec: spec,
                    why: "GET /readyz on port \(port) never answered 200 (last: \(lastProbe))")
            }
            try await Task.sleep(for: pollInterval)
        }
    }

    private static func endedError(_ replica: ReplicaProcess, of count: Int) -> BundledTargetError {
        switch replica.phase {
        case .failedToLaunch(let reason):
            return BundledTargetError(
                .launchFailed,
                """
                could not start bundled replica \(replica.number) of \(count): \(reason). \
                Check that the targetservice executable exists and runs, or pass --targetservice PATH.
                """)
        case .exited(_, let reason):
            return BundledTargetError(
                .replicaExited,
                """
                bundled replica \(replica.number) of \(count) exited during start-up (\(reason)). Its last stderr lines:
                \(replica.stderrTail.quoted)
                Fix what it reports (target.bundled settings: model, workers, queue_depth), or run \
                `targetservice serve --port 0` by hand to see the whole log.
                """)
        case .launching, .running:
            preconditionFailure("only an ended replica has an ended error")
        }
    }

    private static func notReadyError(
        _ replica: ReplicaProcess, of count: Int, spec: BundledTarget, why: String
    ) -> BundledTargetError {
        BundledTargetError(
            .notReady,
            """
            bundled replica \(replica.number) of \(count) was not ready within \(spec.readyTimeout): \(why). \
            Its last stderr lines:
            \(replica.stderrTail.quoted)
            Raise target.bundled.ready_timeout, load a single model with target.bundled.model, or start fewer replicas.
            """)
    }
}
