import Foundation

extension TemporaryDirectory {
    /// Writes `text` to `name` in this directory and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// A path in this directory, for files loadgen creates (database, JSON summary).
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}
