import Foundation
@testable import TargetService

/// Paths of the committed fixtures and of Debian's cascades, and loaders shared by the tests.
enum Fixtures {
    static let root: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    static let cascadeRoot = "/usr/share/opencv4"

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relative)))
    }

    static func cascadePath(_ relative: String) -> String { "\(cascadeRoot)/\(relative)" }

    /// A JPEG fixture decoded the service's way, or a binary PGM (P5) synthetic image.
    static func grayImage(_ relative: String) throws -> GrayImage {
        let data = try bytes(relative)
        if relative.hasSuffix(".pgm") { return try PGM.decode(data) }
        return try JPEGDecoder().decodeGray(data)
    }

    private static let cascadeCache = CascadeCache()

    static func cascade(_ relative: String) throws -> CascadeClassifier {
        try cascadeCache.get(cascadePath(relative))
    }
}

/// Loaded cascades are immutable; loading the big ones takes a while, so tests share them.
final class CascadeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: [String: CascadeClassifier] = [:]

    func get(_ path: String) throws -> CascadeClassifier {
        lock.lock()
        defer { lock.unlock() }
        if let cascade = loaded[path] { return cascade }
        let cascade = try CascadeClassifier.load(contentsOf: path)
        loaded[path] = cascade
        return cascade
    }
}

/// Binary PGM (P5, maxval 255), the format of the synthetic fixtures.
enum PGM {
    struct FormatError: Error, CustomStringConvertible { var description: String }

    static func decode(_ data: [UInt8]) throws -> GrayImage {
        var index = 0
        func token() throws -> String {
            while index < data.count, data[index] == 0x23 || data[index] <= 0x20 {
                if data[index] == 0x23 { while index < data.count, data[index] != 0x0A { index += 1 } }
                index += 1
            }
            let start = index
            while index < data.count, data[index] > 0x20 { index += 1 }
            guard start < index else { throw FormatError(description: "truncated PGM header") }
            return String(decoding: data[start..<index], as: UTF8.self)
        }
        guard try token() == "P5" else { throw FormatError(description: "not a binary PGM") }
        guard let width = Int(try token()), let height = Int(try token()), try token() == "255" else {
            throw FormatError(description: "unsupported PGM header")
        }
        index += 1
        guard data.count - index >= width * height else { throw FormatError(description: "truncated PGM pixels") }
        return GrayImage(width: width, height: height, pixels: Array(data[index..<(index + width * height)]))
    }
}
