import Foundation
import Histogram

/// A compact, versioned encoding of `Histogram<UInt64>` for the store, so stored runs can be merged later.
///
/// Layout (all integers unsigned LEB128 varints unless noted):
/// `"HDRS"` (4 bytes), format version (1 byte, = 1), significant digits (1 byte), lowest discernible value,
/// highest trackable value, exact minimum, exact maximum, number of recorded buckets N, then N pairs (value delta
/// from the previous bucket's value, count). Only recorded buckets are written: a phase takes a few hundred bytes.
///
/// The exact extremes are kept because HDR reports p0 and p100 as the raw minimum and maximum, not as bucket edges.
public enum HistogramCodec {
    static let magic: [UInt8] = Array("HDRS".utf8)
    static let version: UInt8 = 1

    public static func encode(_ histogram: Histogram<UInt64>) -> Data {
        var data = Data(magic)
        data.append(version)
        data.append(UInt8(histogram.numberOfSignificantValueDigits.rawValue))
        Varint.append(histogram.lowestDiscernibleValue, to: &data)
        Varint.append(histogram.highestTrackableValue, to: &data)
        Varint.append(histogram.totalCount == 0 ? 0 : histogram.min, to: &data)
        Varint.append(histogram.totalCount == 0 ? 0 : histogram.maxRecorded, to: &data)
        let buckets = histogram.recordedValues().map { ($0.value, $0.count) }
        Varint.append(UInt64(buckets.count), to: &data)
        var previous: UInt64 = 0
        for (value, count) in buckets {
            Varint.append(value - previous, to: &data)
            Varint.append(count, to: &data)
            previous = value
        }
        return data
    }

    public static func decode(_ data: Data) throws -> Histogram<UInt64> {
        let bytes = [UInt8](data)
        guard bytes.count >= 6, Array(bytes[0..<4]) == magic else { throw HistogramCodecError.notAHistogram }
        guard bytes[4] == version else { throw HistogramCodecError.unsupportedVersion(bytes[4]) }
        guard let digits = SignificantDigits(rawValue: Int8(bitPattern: bytes[5])) else { throw HistogramCodecError.truncated }
        var offset = 6
        func next() throws -> UInt64 {
            guard let value = Varint.read(bytes, at: &offset) else { throw HistogramCodecError.truncated }
            return value
        }
        let lowest = try next()
        let highest = try next()
        // The library traps rather than throws on an impossible range; refuse it here instead.
        guard lowest >= 1, highest >= 2 * lowest else { throw HistogramCodecError.truncated }
        var histogram = Histogram<UInt64>(
            lowestDiscernibleValue: lowest, highestTrackableValue: highest, numberOfSignificantValueDigits: digits)
        let exactMin = try next()
        let exactMax = try next()
        let bucketCount = try next()
        var buckets: [(value: UInt64, count: UInt64)] = []
        var value: UInt64 = 0
        for _ in 0..<bucketCount {
            let (sum, overflow) = value.addingReportingOverflow(try next())
            guard !overflow else { throw HistogramCodecError.truncated }
            value = sum
            buckets.append((value, try next()))
        }
        try record(buckets, exactMin: exactMin, exactMax: exactMax, into: &histogram)
        guard offset == bytes.count else { throw HistogramCodecError.truncated }
        return histogram
    }

    /// Records the buckets, one count of the first at the exact minimum and one of the last at the exact maximum,
    /// so the decoded histogram answers every percentile, p0 and p100 included, exactly as the original did.
    private static func record(
        _ buckets: [(value: UInt64, count: UInt64)], exactMin: UInt64, exactMax: UInt64, into histogram: inout Histogram<UInt64>
    ) throws {
        guard let first = buckets.first, let last = buckets.last else { return }
        let total = buckets.reduce(0) { $0 &+ $1.count }
        guard first.count > 0, last.count > 0, exactMin <= exactMax,
            histogram.valuesAreEquivalent(exactMin, first.value), histogram.valuesAreEquivalent(exactMax, last.value)
        else { throw HistogramCodecError.truncated }
        var counts = buckets.map(\.count)
        counts[0] -= 1
        guard histogram.record(exactMin, count: 1) else { throw HistogramCodecError.truncated }
        if total > 1 {
            guard counts[counts.count - 1] > 0 else { throw HistogramCodecError.truncated }
            counts[counts.count - 1] -= 1
            guard histogram.record(exactMax, count: 1) else { throw HistogramCodecError.truncated }
        }
        for (bucket, count) in zip(buckets, counts) where count > 0 {
            guard histogram.record(bucket.value, count: count) else { throw HistogramCodecError.truncated }
        }
    }
}
