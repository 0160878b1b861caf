import Foundation

/// Reads a /proc file to its end. `String(contentsOfFile:)` trusts the file's size, which /proc reports as 0, and
/// returns only the first page: a mount table or socket table longer than 4 KiB would silently lose lines.
public enum ProcFile {
    public static func read(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd() else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
