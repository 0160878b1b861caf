import GRDB

/// One row of `errors`: how often one error code happened in one phase × request, with a few sample messages.
public struct ErrorSampleRecord: Sendable, Equatable, Codable, FetchableRecord, TableRecord, EncodableRecord {
    public static let databaseTableName = "errors"
    /// Samples kept per row: enough to see the variety, bounded so one noisy run cannot bloat the store.
    public static let maxSamples = 10
    /// Longer messages (often response bodies) are cut to this many characters.
    public static let maxSampleLength = 500

    public var phase: String
    public var request: String
    /// An `ErrorCode` raw value.
    public var code: String
    public var count: Int
    /// The first distinct messages, at most `maxSamples`, each at most `maxSampleLength` characters.
    public var samples: [String]

    enum CodingKeys: String, CodingKey {
        case phase, request, code, count, samples
    }

    /// Keeps the first `maxSamples` distinct messages, in order, each cut to `maxSampleLength`.
    public init(phase: String, request: String, code: String, count: Int, samples: [String]) {
        self.phase = phase
        self.request = request
        self.code = code
        self.count = count
        var kept: [String] = []
        for sample in samples {
            let cut = sample.count > Self.maxSampleLength ? String(sample.prefix(Self.maxSampleLength)) + "…" : sample
            if !kept.contains(cut) { kept.append(cut) }
            if kept.count == Self.maxSamples { break }
        }
        self.samples = kept
    }
}
