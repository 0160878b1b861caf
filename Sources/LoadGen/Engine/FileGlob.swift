import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands a shell glob (`payloads/*.jpg`) to the regular files it matches, sorted, so rotation order is stable.
public enum FileGlob {
    public static func expand(_ pattern: String, relativeTo base: URL) -> [URL] {
        let absolute = pattern.hasPrefix("/") ? pattern : base.appendingPathComponent(pattern).path
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(absolute, 0, nil, &result) == 0 else { return [] }
        var urls: [URL] = []
        for index in 0..<Int(result.gl_pathc) {
            guard let cPath = result.gl_pathv[index] else { continue }
            let path = String(cString: cPath)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                urls.append(URL(fileURLWithPath: path))
            }
        }
        return urls.sorted { $0.path < $1.path }
    }
}
