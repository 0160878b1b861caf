/// Why stored histogram bytes could not be decoded.
public enum HistogramCodecError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAHistogram
    case unsupportedVersion(UInt8)
    case truncated

    public var description: String {
        switch self {
        case .notAHistogram: "stored histogram does not start with the HDRS header; the row was not written by loadgen"
        case .unsupportedVersion(let v):
            "stored histogram has format version \(v); this loadgen reads version 1 — use a newer loadgen"
        case .truncated: "stored histogram is truncated or corrupt"
        }
    }
}
