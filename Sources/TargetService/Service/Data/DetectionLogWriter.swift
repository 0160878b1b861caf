import Logging
import ServiceLifecycle

/// Flushes the detection log every `interval` and once more at shutdown. It stops after the HTTP server (it comes
/// earlier in the service group), so the last requests' entries are written too.
struct DetectionLogWriter: Service {
    let log: DetectionLog
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    break
                }
                await flush()
            }
        }
        await flush()
    }

    private func flush() async {
        let dropped = log.dropped
        do {
            try await log.flush()
        } catch {
            logger.error("detection log: \(error)")
        }
        if dropped > 0 {
            logger.warning("detection log buffer was full; entries dropped", metadata: ["dropped": "\(dropped)"])
        }
    }
}
