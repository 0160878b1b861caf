import Foundation

extension BundledReplicas {
    /// Starts `spec.replicas` replicas of `executable` on one loopback port, each with a temporary data dir, and
    /// waits until every one is ready (see the type's comment). On failure it stops what it started, removes the
    /// data dirs and throws a `BundledTargetError` that quotes the failing replica's last stderr lines.
    public static func start(_ spec: BundledTarget, executable: URL, log: (String) -> Void) async throws -> BundledReplicas {
        try validate(spec)
        let catalog = try spec.model.map { name throws(BundledTargetError) in try BundledModelCatalog.catalogJSON(forModel: name)
        }
        let rootDirectory = try makeRootDirectory()
        let started = ContinuousClock.now
        let deadline = started + spec.readyTimeout
        var launched: [ReplicaProcess] = []
        do {
            let tokenFile = try writeAdminToken(under: rootDirectory)
            let count = spec.replicas
            log("starting \(count) targetservice replica\(count == 1 ? "" : "s")\(spec.model.map { " (model \($0))" } ?? "")")
            let first = try launchReplica(
                1, port: 0, spec: spec, catalog: catalog, executable: executable, under: rootDirectory, tokenFile: tokenFile)
            launched.append(first)
            let url = try await waitForURL(of: first, of: count, until: deadline, spec: spec)
            guard let port = URLComponents(string: url)?.port else {
                throw BundledTargetError(
                    .launchFailed,
                    """
                    bundled replica 1 printed '\(url)' as its first stdout line, which is not an http://HOST:PORT \
                    address. Check that \(executable.path) is targetservice, or pass --targetservice PATH.
                    """)
            }
            for number in 1..<count {
                launched.append(
                    try launchReplica(
                        number + 1, port: port, spec: spec, catalog: catalog, executable: executable, under: rootDirectory,
                        tokenFile: tokenFile))
            }
            try await waitUntilReady(launched, port: port, until: deadline, spec: spec)
            let seconds = (ContinuousClock.now - started).seconds
            log("\(count) replica\(count == 1 ? "" : "s") ready at \(url) after \(String(format: "%.1f", seconds))s")
            return BundledReplicas(
                baseURL: url, replicas: launched, rootDirectory: rootDirectory,
                launchPlan: LaunchPlan(spec: spec, executable: executable, port: port, adminTokenFile: tokenFile))
        } catch {
            await stop(launched, timeout: .seconds(5))
            try? FileManager.default.removeItem(at: rootDirectory)
            throw error
        }
    }

    private static func validate(_ spec: BundledTarget) throws(BundledTargetError) {
        if spec.replicas < 1 {
            throw BundledTargetError(.invalidSettings, "target.bundled.replicas must be at least 1 (got \(spec.replicas)).")
        }
        if spec.readyTimeout <= .zero {
            throw BundledTargetError(
                .invalidSettings, "target.bundled.ready_timeout must be longer than 0 (got \(spec.readyTimeout)).")
        }
    }

    private static func makeRootDirectory() throws(BundledTargetError) -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-bundled-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw BundledTargetError(
                .launchFailed,
                """
                cannot create a temporary data directory at \(root.path): \(error.localizedDescription). \
                Free some space there or point TMPDIR at a writable directory.
                """)
        }
        return root
    }

    /// A random token for the replicas' admin API, in a file only this user can read; the actions use it.
    private static func writeAdminToken(under root: URL) throws(BundledTargetError) -> URL {
        let file = root.appendingPathComponent("admin-token")
        let token = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
        do {
            try Data((token + "\n").utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        } catch {
            throw BundledTargetError(
                .launchFailed,
                """
                cannot write the admin token file \(file.path): \(error.localizedDescription). \
                Free some space there or point TMPDIR at a writable directory.
                """)
        }
        return file
    }

    static func launchReplica(
        _ number: Int, port: Int, spec: BundledTarget, catalog: Data?, executable: URL, under root: URL, tokenFile: URL
    ) throws(BundledTargetError) -> ReplicaProcess {
        let dataDirectory = root.appendingPathComponent("replica-\(number)")
        do {
            try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
            if let catalog { try catalog.write(to: dataDirectory.appendingPathComponent("models.json")) }
        } catch {
            throw BundledTargetError(
                .launchFailed,
                """
                cannot prepare the data directory \(dataDirectory.path) for bundled replica \(number): \
                \(error.localizedDescription). Free some space there or point TMPDIR at a writable directory.
                """)
        }
        return ReplicaProcess.launch(
            number: number, executable: executable,
            arguments: serveArguments(port: port, dataDirectory: dataDirectory, spec: spec) + [
                "--admin-token-file", tokenFile.path,
            ],
            dataDirectory: dataDirectory
        )
    }

    static func serveArguments(port: Int, dataDirectory: URL, spec: BundledTarget) -> [String] {
        // --log-level info: readiness is read from the "models loaded" info line.
        var arguments = [
            "serve", "--host", "127.0.0.1", "--port", "\(port)", "--reuse-port",
            "--data", dataDirectory.path, "--log-level", "info",
            // Each replica's own address, for admin calls and read-backs aimed at one replica.
            "--control-port", "0",
            // Even a loadgen killed with -9 leaves no replica behind: each exits when loadgen is gone.
            "--exit-with-parent", "\(getpid())",
        ]
        if let workers = spec.workers { arguments += ["--workers", "\(workers)"] }
        if let queueDepth = spec.queueDepth { arguments += ["--queue-depth", "\(queueDepth)"] }
        if let every = spec.backupEvery {
            let milliseconds = every.milliseconds
            arguments += [
                "--backup-every", "\(milliseconds)ms", "--backup-dir", backupDirectory(forDataDirectory: dataDirectory).path,
                "--backup-keep", "20",
            ]
        }
        return arguments
    }

    /// Where replica backups go: beside the data directory (`replica-N` → `backups/replica-N`), so a disaster that
    /// deletes the data directory leaves them, and `stop` removes them with the rest of the temporary root.
    static func backupDirectory(forDataDirectory dataDirectory: URL) -> URL {
        dataDirectory.deletingLastPathComponent().appendingPathComponent("backups").appendingPathComponent(
            dataDirectory.lastPathComponent)
    }
}
