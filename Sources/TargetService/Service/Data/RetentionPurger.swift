import Foundation
import Logging
import ServiceLifecycle

/// `serve --retention`: at start and then every `every`, deletes feedback and detection log entries older than
/// `retention`. A failed purge is logged and retried at the next tick.
struct RetentionPurger: Service {
    let retention: Duration
    let every: Duration
    let feedback: FeedbackStore
    let detections: DetectionLog
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await purge(now: Date())
                do {
                    try await Task.sleep(for: every)
                } catch {
                    break
                }
            }
        }
    }

    /// The oldest time a row may have at `now` and survive.
    static func cutoff(now: Date, retention: Duration) -> Date {
        now.addingTimeInterval(-Double(retention.components.seconds))
    }

    func purge(now: Date) async {
        let cutoff = Self.cutoff(now: now, retention: retention)
        do {
            let messages = try await feedback.purge(olderThan: cutoff)
            let entries = try await detections.purge(olderThan: cutoff)
            if messages + entries > 0 {
                logger.info("retention purge", metadata: ["feedback": "\(messages)", "detections": "\(entries)"])
            }
        } catch {
            logger.error("retention purge failed: \(error)")
        }
    }
}
