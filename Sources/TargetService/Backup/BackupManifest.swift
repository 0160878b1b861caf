import Foundation

/// `manifest.json` of a backup: every file in it with its size and sha256. Written last, so a backup without
/// one is incomplete and restore refuses it.
public struct BackupManifest: Sendable, Codable, Equatable {
    /// One file of the backup, by its path relative to the backup directory.
    public struct File: Sendable, Codable, Equatable {
        public var path: String
        public var bytes: Int
        public var sha256: String
    }

    public static let fileName = "manifest.json"
    /// Bumped when the layout changes; restore refuses formats it does not know.
    public static let currentFormat = 1

    public var format: Int
    public var created: Date
    public var files: [File]

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    static func decode(_ data: Data) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BackupManifest.self, from: data)
    }
}
