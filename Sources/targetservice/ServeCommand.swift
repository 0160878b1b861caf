import ArgumentParser
import Foundation
import Logging
import NIOCore
import TargetService

/// `targetservice serve`: runs the HTTP detection service until SIGTERM/SIGINT, then drains and exits 0.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve POST /v1/detect, /v1/models, /healthz, /readyz, /metrics and the /admin API.",
        discussion: """
            The first line on stdout is the bound address (e.g. http://127.0.0.1:43121); logs go to stderr.
            On SIGTERM or SIGINT, /readyz turns 503, the listener closes after --shutdown-delay, in-flight
            requests get --drain-timeout to finish, and the process exits 0.
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port = 0

    @Flag(help: "Set SO_REUSEPORT so several replicas can listen on the same port.")
    var reusePort = false

    @Option(
        help:
            "Also listen on 127.0.0.1 on this port (0 picks one), reaching this replica only; logged as 'control listener on URL'."
    )
    var controlPort: Int?

    @Option(
        help:
            "Data directory (created if missing): the model registry (service.sqlite, models/); its models.json is used when --models is not given."
    )
    var data: String?

    @Option(
        help: "File holding the admin API's bearer token (else TARGETSERVICE_ADMIN_TOKEN; neither: the admin API is disabled).")
    var adminTokenFile: String?

    @Option(
        help: "Model catalog JSON (see the README); default: the built-in face, face-alt2, face-lbp, fullbody and cat models.")
    var models: String?

    @Option(help: "Back up the data directory this often, e.g. 1h or 30m (needs --data and --backup-dir).")
    var backupEvery: DurationArgument?

    @Option(help: "Where scheduled backups go, one timestamped directory each (backup-YYYYMMDDTHHMMSSZ).")
    var backupDir: String?

    @Option(help: "Scheduled backups to keep; older ones are deleted after each new backup.")
    var backupKeep = 7

    @Option(help: "Delete feedback and detection log entries older than this, e.g. 30d or 12h.")
    var retention = DurationArgument(.seconds(30 * 86_400))

    @Option(help: "Detection worker threads (default: one per core).")
    var workers: Int?

    @Option(help: "Detections that may wait for a worker before requests are shed with 503 (default: 2 per worker).")
    var queueDepth: Int?

    @Option(
        help: ArgumentHelp(
            "Queue length while requests are being shed (default: half a job per worker, at least 1).",
            discussion:
                "While at least --queue-depth requests (and never fewer than 2) have been shed within the last second, or the queue was full for over half of the last second, it admits only this many waiting jobs, and a job may wait only if a worker should be free within half an average job: under sustained overload a long queue only adds waiting."
        ))
    var overloadQueueDepth: Int?

    @Option(
        help: ArgumentHelp(
            "Longest hold of a repeated 503 on one connection, e.g. 1s; 0 answers every shed at once.",
            discussion:
                "A connection's first shed is answered at once; each further one in a row is held, twice as long each time up to this (see docs/service.md, Overload)."
        ))
    var maxShedHold = DurationArgument(ShedPacing().maximum)

    @Option(help: "Largest accepted request body in bytes.")
    var maxBodyBytes = 8 * 1024 * 1024

    @Option(help: "Largest accepted image in pixels.")
    var maxPixels = JPEGDecoder.defaultMaxPixels

    @Option(help: "Time in-flight requests get to finish after SIGTERM/SIGINT, e.g. 10s or 500ms.")
    var drainTimeout = DurationArgument(.seconds(10))

    @Option(help: "Time /readyz reports 503 before the listener closes on shutdown, e.g. 5s.")
    var shutdownDelay = DurationArgument(.zero)

    @Option(
        name: .customLong("exit-with-parent"),
        help:
            "Drain and exit when the process with this PID is gone (the load generator that started this replica, even if it was killed with -9)."
    )
    var exitWithParent: Int32?

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0...65535 (got \(port)).") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1 (got \(workers)).") }
        if let queueDepth, queueDepth < 0 { throw ValidationError("--queue-depth must be 0 or more (got \(queueDepth)).") }
        if let overloadQueueDepth, overloadQueueDepth < 0 {
            throw ValidationError("--overload-queue-depth must be 0 or more (got \(overloadQueueDepth)).")
        }
        if maxBodyBytes < 1 { throw ValidationError("--max-body-bytes must be at least 1 (got \(maxBodyBytes)).") }
        if maxPixels < 1 { throw ValidationError("--max-pixels must be at least 1 (got \(maxPixels)).") }
        if (backupEvery == nil) != (backupDir == nil) {
            throw ValidationError("--backup-every and --backup-dir go together; give both to enable scheduled backups.")
        }
        if backupEvery != nil, data == nil {
            throw ValidationError("--backup-every needs --data DIR: there is nothing to back up without a data directory.")
        }
        if let backupEvery, backupEvery.duration < .seconds(1) {
            throw ValidationError("--backup-every must be at least 1s (got \(backupEvery.defaultValueDescription)).")
        }
        if retention.duration < .seconds(60) {
            throw ValidationError("--retention must be at least 60s (got \(retention.defaultValueDescription)).")
        }
        if backupKeep < 1 { throw ValidationError("--backup-keep must be at least 1 (got \(backupKeep)).") }
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError(
                "--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(logLevel)')."
            )
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "targetservice")

        var configuration = ServiceConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.reusePort = reusePort
        configuration.controlPort = controlPort
        configuration.catalog = try loadCatalog()
        configuration.dataDirectory = data
        configuration.adminToken = try loadAdminToken()
        configuration.retention = retention.duration
        if let backupEvery, let backupDir {
            configuration.backupSchedule = BackupSchedule(directory: backupDir, interval: backupEvery.duration, keep: backupKeep)
        }
        if let workers {
            configuration.workers = workers
            configuration.queueDepth = 2 * workers
        }
        if let queueDepth { configuration.queueDepth = queueDepth }
        if let overloadQueueDepth { configuration.overloadQueueDepth = overloadQueueDepth }
        configuration.shedPacing.maximum = maxShedHold.duration
        configuration.maxBodyBytes = maxBodyBytes
        configuration.maxPixels = maxPixels
        configuration.drainTimeout = drainTimeout.duration
        configuration.shutdownDelay = shutdownDelay.duration

        let service: DetectionService
        do {
            service = try DetectionService(configuration: configuration, logger: logger)
        } catch {
            logger.critical("\(error.description)")
            throw ExitCode.failure
        }
        let group = service.makeServiceGroup(gracefulShutdownSignals: [.sigterm, .sigint]) { address in
            // The one line on stdout: scripts and the load generator read it to find the port.
            FileHandle.standardOutput.write(Data("\(Self.url(address, host: host))\n".utf8))
        }
        logger.info(
            "starting",
            metadata: [
                "workers": "\(configuration.workers)", "queue_depth": "\(configuration.queueDepth)",
                "overload_queue_depth": "\(configuration.effectiveOverloadQueueDepth)",
                "max_body_bytes": "\(configuration.maxBodyBytes)", "max_pixels": "\(configuration.maxPixels)",
            ])
        do {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                if let parent = exitWithParent {
                    tasks.addTask {
                        await ParentWatch.waitUntilGone(parent)
                        logger.notice("parent process is gone; shutting down", metadata: ["parent_pid": "\(parent)"])
                        await group.triggerGracefulShutdown()
                    }
                }
                // The group ends the service; the watcher, if any, is cancelled with it.
                try await tasks.next()
                tasks.cancelAll()
            }
        } catch {
            logger.critical("service stopped: \(error)")
            throw ExitCode.failure
        }
        logger.info("stopped")
    }

    /// The admin token from --admin-token-file, else from TARGETSERVICE_ADMIN_TOKEN; nil leaves the admin API off.
    private func loadAdminToken() throws -> AdminToken? {
        if let adminTokenFile {
            guard let text = try? String(contentsOfFile: adminTokenFile, encoding: .utf8) else {
                throw usageFailure("cannot read --admin-token-file \(adminTokenFile); check the path and its permissions")
            }
            guard let token = AdminToken(text) else {
                throw usageFailure("--admin-token-file \(adminTokenFile) is empty; write the token into it (one line)")
            }
            return token
        }
        return ProcessInfo.processInfo.environment["TARGETSERVICE_ADMIN_TOKEN"].flatMap(AdminToken.init)
    }

    private func loadCatalog() throws -> ModelCatalog {
        if let data {
            do {
                try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            } catch {
                throw usageFailure("cannot create --data directory \(data): \(error.localizedDescription)")
            }
        }
        let path = models ?? data.map { "\($0)/models.json" }.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
        guard let path else { return .builtIn }
        do {
            return try ModelCatalog.load(contentsOf: path)
        } catch {
            throw usageFailure("invalid model catalog: \(error.description)")
        }
    }

    private static func url(_ address: SocketAddress, host: String) -> String {
        let port = address.port ?? 0
        switch address {
        case .v6: return "http://[\(address.ipAddress ?? host)]:\(port)"
        default: return "http://\(address.ipAddress ?? host):\(port)"
        }
    }
}
