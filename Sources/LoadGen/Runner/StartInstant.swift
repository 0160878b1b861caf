import Foundation

/// `--start-at`'s value: RFC 3339 with or without fractional seconds, or Unix milliseconds.
public enum StartInstant {
    public static func parse(_ text: String) -> Date? {
        if !text.isEmpty, text.allSatisfy(\.isNumber), let milliseconds = Int64(text) {
            return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        }
        for fractional in [true, false] {
            if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: fractional).parse(text) { return date }
        }
        return nil
    }
}
