import Foundation
import GRDB
import Prometheus
import Synchronization

/// The detection log: requests append to a memory buffer (one lock, no I/O, so the hot path does not slow down)
/// and `DetectionLogWriter` writes the buffer in one transaction about once a second. The buffer is bounded: past
/// `capacity` unwritten entries new ones are dropped and counted, so a stuck disk cannot exhaust memory. A flush
/// that fails (a full or read-only data directory) loses its entries and counts them too: detections never wait
/// for, or fail because of, the log. Both counts are `targetservice_detection_log_dropped_total{reason}`.
public final class DetectionLog: Sendable {
    public let capacity: Int
    let database: any DatabaseWriter
    private let buffer = Mutex<(entries: [DetectionLogEntry], dropped: Int)>(([], 0))
    private let droppedBufferFull: Counter?
    private let droppedWriteFailed: Counter?

    public init(database: any DatabaseWriter, capacity: Int = 100_000, metrics: ServiceMetrics? = nil) {
        self.database = database
        self.capacity = capacity
        func counter(_ reason: String) -> Counter? {
            metrics?.registry.makeCounter(
                descriptor: MetricNameDescriptor(
                    namespace: "targetservice", metricName: "detection_log_dropped", unitName: "total",
                    helpText:
                        "Detection log entries never written: buffer_full (writes fell behind) or write_failed (the data directory is full or read-only)."
                ),
                labels: [("reason", reason)])
        }
        droppedBufferFull = counter("buffer_full")
        droppedWriteFailed = counter("write_failed")
    }

    /// Queues `entry` for the next flush.
    public func record(_ entry: DetectionLogEntry) {
        buffer.withLock { buffer in
            if buffer.entries.count < capacity {
                buffer.entries.append(entry)
            } else {
                buffer.dropped += 1
                droppedBufferFull?.increment()
            }
        }
    }

    /// Entries dropped because the buffer was full (reset by `flush`).
    public var dropped: Int { buffer.withLock { $0.dropped } }

    /// Writes every queued entry in one transaction; returns how many. On failure the entries are lost (logged by
    /// the caller): the log is diagnostics, not a ledger.
    @discardableResult
    public func flush() async throws(StorageFailure) -> Int {
        let entries = buffer.withLock { buffer in
            defer { buffer = ([], 0) }
            return buffer.entries
        }
        if entries.isEmpty { return 0 }
        do {
            try await database.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO detection_log (request_id, time, model, model_version, box_count) VALUES (?, ?, ?, ?, ?)
                        """)
                for entry in entries {
                    try statement.execute(arguments: [
                        entry.requestID, entry.time, entry.model, entry.modelVersion, entry.boxCount,
                    ])
                }
            }
        } catch {
            droppedWriteFailed?.increment(by: Int64(entries.count))
            throw StorageFailure(
                "cannot write \(entries.count) detection log entries: \(error)",
                condition: DataDirectoryCondition.of(error, databasePath: database.path))
        }
        return entries.count
    }

    /// Deletes entries older than `cutoff`; returns how many.
    @discardableResult
    public func purge(olderThan cutoff: Date) async throws(RegistryError) -> Int {
        do {
            return try await database.write { db in
                try db.execute(sql: "DELETE FROM detection_log WHERE time < ?", arguments: [cutoff])
                return db.changesCount
            }
        } catch {
            throw RegistryError("cannot purge the detection log: \(error)")
        }
    }

    /// The stored entries, oldest first (for tests and diagnostics).
    public func stored() async throws(RegistryError) -> [DetectionLogEntry] {
        do {
            return try await database.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT request_id, time, model, model_version, box_count FROM detection_log ORDER BY id"
                ).map { row in
                    DetectionLogEntry(
                        requestID: row["request_id"], time: row["time"], model: row["model"],
                        modelVersion: row["model_version"], boxCount: row["box_count"])
                }
            }
        } catch {
            throw RegistryError("cannot read the detection log: \(error)")
        }
    }
}
