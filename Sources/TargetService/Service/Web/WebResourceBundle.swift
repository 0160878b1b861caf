import Foundation

/// Finds this module's resource bundle before touching `Bundle.module`, whose generated accessor stops the
/// process (fatalError) when the bundle is missing — a page should fail with a message instead.
enum WebResourceBundle {
    /// The bundle's folder names: `.resources` on Linux, `.bundle` on Apple platforms.
    static let bundleNames = ["loadgen_TargetService.resources", "loadgen_TargetService.bundle"]

    /// The `Templates` folder inside the resource bundle.
    static func templatesDirectory() throws(WebTemplatesError) -> URL {
        let searched = candidateDirectories()
        guard
            searched.contains(where: { directory in
                bundleNames.contains { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
            })
        else {
            throw WebTemplatesError(
                "no TargetService resource bundle (\(bundleNames[0])) next to the executable in \(searched.map(\.path).joined(separator: ", ")); copy it beside targetservice or rebuild with `swift build`"
            )
        }
        let bundle = Bundle.module
        guard let templates = bundle.url(forResource: "Templates", withExtension: nil) else {
            throw WebTemplatesError(
                "the resource bundle \(bundle.bundlePath) has no Templates folder; rebuild with `swift build`")
        }
        return templates
    }

    /// Where `Bundle.module` looks first: beside the executable (or test bundle) and in the main resources.
    private static func candidateDirectories() -> [URL] {
        var directories = [Bundle.main.bundleURL]
        if let resources = Bundle.main.resourceURL { directories.append(resources) }
        directories.append(Bundle(for: Token.self).bundleURL.deletingLastPathComponent())
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        var seen = Set<String>()
        return directories.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    private final class Token {}
}
