import Foundation

/// Finds the `targetservice` binary that bundled targets run.
public enum TargetServiceExecutable {
    /// The environment variable that names the binary when `--targetservice` is not given.
    public static let environmentVariable = "LOADGEN_TARGETSERVICE"

    /// Looks in order at: `explicit` (`--targetservice`), `$LOADGEN_TARGETSERVICE`, the directory of the running
    /// executable, then `.build/release` and `.build/debug` under the current directory. A path given explicitly
    /// or in the environment must work; it is never silently replaced by another binary.
    public static func locate(explicit: String?) throws(BundledTargetError) -> URL {
        try locate(
            explicit: explicit,
            environment: ProcessInfo.processInfo.environment,
            executableDirectories: runningExecutableDirectories(),
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            isExecutable: { FileManager.default.isExecutableFile(atPath: $0) && !isDirectory($0) }
        )
    }

    /// The search itself, with the process's surroundings passed in so tests can set them.
    static func locate(
        explicit: String?, environment: [String: String], executableDirectories: [URL], currentDirectory: URL,
        isExecutable: (String) -> Bool
    ) throws(BundledTargetError) -> URL {
        let howToBuild = "Build it with `swift build -c release --product targetservice`"
        if let explicit {
            let url = resolve(explicit, against: currentDirectory)
            guard isExecutable(url.path) else {
                throw BundledTargetError(
                    .executableNotFound,
                    """
                    --targetservice \(explicit): no executable file there. \(howToBuild), or fix the path.
                    """)
            }
            return url
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            let url = resolve(fromEnvironment, against: currentDirectory)
            guard isExecutable(url.path) else {
                throw BundledTargetError(
                    .executableNotFound,
                    """
                    \(environmentVariable)=\(fromEnvironment): no executable file there. \(howToBuild), \
                    or fix the variable, or pass --targetservice PATH.
                    """)
            }
            return url
        }
        let directories =
            executableDirectories + [
                currentDirectory.appendingPathComponent(".build/release"),
                currentDirectory.appendingPathComponent(".build/debug"),
            ]
        var searched: [String] = []
        for directory in directories {
            let candidate = directory.appendingPathComponent("targetservice").standardizedFileURL
            if searched.contains(candidate.path) { continue }
            searched.append(candidate.path)
            if isExecutable(candidate.path) { return candidate }
        }
        throw BundledTargetError(
            .executableNotFound,
            """
            cannot find the targetservice executable that bundled targets run (looked at \
            \(searched.joined(separator: ", "))). \(howToBuild), or pass --targetservice PATH \
            (or set \(environmentVariable)).
            """)
    }

    private static func resolve(_ path: String, against directory: URL) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)).standardizedFileURL
    }

    /// Where the running executable lives, from argv[0] (symlinks resolved) and from the bundle.
    private static func runningExecutableDirectories() -> [URL] {
        var directories: [URL] = []
        if let first = CommandLine.arguments.first, first.contains("/") {
            let url = URL(fileURLWithPath: first).resolvingSymlinksInPath()
            directories.append(url.deletingLastPathComponent())
        }
        if let url = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            directories.append(url.deletingLastPathComponent())
        }
        return directories
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
