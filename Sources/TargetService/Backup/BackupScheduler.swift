import Foundation
import Logging
import ServiceLifecycle

/// `serve --backup-every`: takes a backup of the data directory every `interval` into a timestamped directory
/// under `backupDirectory`, then deletes all but the newest `keep`. A failed backup is logged and retried at the
/// next tick; it never stops the service.
public struct BackupScheduler: Service {
    public let dataDirectory: String
    public let backupDirectory: String
    public let interval: Duration
    public let keep: Int
    let logger: Logger

    public init(dataDirectory: String, backupDirectory: String, interval: Duration, keep: Int, logger: Logger) {
        self.dataDirectory = dataDirectory
        self.backupDirectory = backupDirectory
        self.interval = interval
        self.keep = keep
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                do {
                    let path = try runOnce()
                    logger.info("backup written", metadata: ["path": "\(path)"])
                } catch {
                    logger.error("scheduled backup failed: \(error)")
                }
            }
        }
    }

    /// Takes one backup now and prunes old ones; returns the new backup's path.
    @discardableResult
    public func runOnce(now: Date = Date()) throws(BackupError) -> String {
        let path = "\(backupDirectory)/\(BackupRetention.directoryName(for: now))"
        try DataBackup.create(dataDirectory: dataDirectory, to: path, now: now)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: backupDirectory)) ?? []
        for name in BackupRetention.expired(names, keep: keep) {
            try? FileManager.default.removeItem(atPath: "\(backupDirectory)/\(name)")
        }
        return path
    }
}
