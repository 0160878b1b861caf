import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Expands a `body: { files: ... }` glob; the loader and the engine share it so validation sees exactly the files
/// that will be sent.
public enum PayloadGlob {
    /// The pattern as an absolute path: relative patterns are taken from `directory` (the scenario file's directory).
    public static func resolvedPattern(_ pattern: String, relativeTo directory: URL) -> String {
        if pattern.hasPrefix("/") { return pattern }
        return directory.standardizedFileURL.path + "/" + pattern
    }

    /// Regular files (symlinks followed) matching the pattern, sorted by path so rotation order is repeatable.
    public static func files(matching pattern: String, relativeTo directory: URL) -> [URL] {
        let resolved = resolvedPattern(pattern, relativeTo: directory)
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(resolved, 0, nil, &matches) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(matches.gl_pathc) {
            guard let cPath = matches.gl_pathv[index] else { continue }
            let path = String(cString: cPath)
            if isRegularFile(path) { paths.append(path) }
        }
        return paths.sorted().map { URL(fileURLWithPath: $0) }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
