import Foundation

/// Reads /proc/self/mountinfo: whether a directory is itself a mount point, and of which file system type.
enum MountTable {
    struct Entry: Equatable {
        var mountPoint: String
        var fileSystem: String
        var readOnly: Bool
    }

    /// The mount whose mount point is exactly `directory` (the topmost, when several are stacked), or nil.
    static func mount(at directory: URL) -> Entry? {
        let path = canonicalPath(directory)
        return entries().last { $0.mountPoint == path }
    }

    /// The path as the kernel prints it in mountinfo: absolute, symlinks resolved, no trailing slash.
    static func canonicalPath(_ directory: URL) -> String {
        let resolved = directory.resolvingSymlinksInPath().standardizedFileURL.path
        return resolved.count > 1 && resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
    }

    static func entries() -> [Entry] {
        guard let text = ProcFile.read("/proc/self/mountinfo") else { return [] }
        return text.split(separator: "\n").compactMap { line in
            // Fields: id parent major:minor root mount-point options [optional...] - fstype source super-options
            let fields = line.split(separator: " ")
            guard fields.count > 6, let separator = fields.firstIndex(of: "-"), separator + 1 < fields.count else { return nil }
            let options = fields[5].split(separator: ",")
            return Entry(
                mountPoint: unescape(fields[4]), fileSystem: String(fields[separator + 1]), readOnly: options.contains("ro"))
        }
    }

    /// mountinfo writes space, tab, newline and backslash as octal escapes (`\040`).
    private static func unescape(_ field: Substring) -> String {
        var result = ""
        var index = field.startIndex
        while index < field.endIndex {
            let end = field.index(index, offsetBy: 4, limitedBy: field.endIndex) ?? field.endIndex
            if field[index] == "\\", field.distance(from: index, to: end) == 4,
                let code = UInt8(field[field.index(after: index)..<end], radix: 8)
            {
                result.append(Character(Unicode.Scalar(code)))
                index = end
            } else {
                result.append(field[index])
                index = field.index(after: index)
            }
        }
        return result
    }
}
