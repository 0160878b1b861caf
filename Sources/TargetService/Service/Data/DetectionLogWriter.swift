import Logging
import ServiceLifecycle

/// Flushes the detection log every `interval` and once more at shutdown. It stops after the HTTP server (it comes
/// earlier in the service group), so the last requests' entries are written too. While the data directory is
/// full or read-only every flush fails; that is logged when it starts and when it ends, not every second.
struct DetectionLogWriter: Service {
    let log: DetectionLog
    let interval: Duration
    let logger: Logger

    func run() async throws {
        let failing = await cancelWhenGracefulShutdown {
            var failing = false
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    break
                }
                failing = await flush(failing: failing)
            }
            return failing
        }
        _ = await flush(failing: failing)
    }

    /// Returns whether this flush failed.
    private func flush(failing: Bool) async -> Bool {
        let dropped = log.dropped
        var failed = false
        do {
            try await log.flush()
            if failing { logger.notice("detection log: writes work again") }
        } catch {
            failed = true
            if !failing {
                let condition = error.condition.map { " (data directory \($0.rawValue))" } ?? ""
                logger.error("detection log: \(error)\(condition); entries are dropped and counted until writes work again")
            }
        }
        if dropped > 0 {
            logger.warning("detection log buffer was full; entries dropped", metadata: ["dropped": "\(dropped)"])
        }
        return failed
    }
}
