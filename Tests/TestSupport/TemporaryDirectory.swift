import Foundation

/// A fresh directory under the system temporary directory, removed when the test is done with it.
public struct TemporaryDirectory: ~Copyable, Sendable {
    public let url: URL

    public init(prefix: String = "loadgen-tests") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    /// Writes `bytes` to a file named `name` in the directory and returns its path.
    public func write(_ name: String, _ bytes: some Sequence<UInt8>) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Writes an executable `/bin/sh` script named `name` and returns its URL.
    public func script(_ name: String, _ body: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A fresh directory under the system temporary directory, removed after `body` returns or throws.
public func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    return try body(directory.url)
}
