import Foundation

/// The rows of a data feed's file: CSV (RFC 4180: a header row, commas, double-quoted fields with "" inside) or
/// JSON lines (`.jsonl`/`.ndjson`: one object per line; strings as they are, other values as JSON text).
public struct DataFile: Sendable {
    public var fields: [String]
    /// Each row's values in the order of `fields` (a missing JSON key is empty).
    public var rows: [[String]]

    /// Reads and checks the whole file; the error names the line.
    public static func load(path: String) throws(DataFileError) -> DataFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileError("cannot read \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")
            ? try jsonLines(text, path: path) : try csv(text, path: path)
    }

    private static func csv(_ text: String, path: String) throws(DataFileError) -> DataFile {
        var records = try CSVRecords.parse(text, path: path)
        guard !records.isEmpty else { throw DataFileError("\(path) is empty; it needs a header row naming the fields") }
        let header = records.removeFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        if let empty = header.firstIndex(where: \.isEmpty) {
            throw DataFileError("\(path) line 1: column \(empty + 1) of the header has no name")
        }
        if Set(header).count != header.count { throw DataFileError("\(path) line 1: a field name appears twice in the header") }
        for (index, record) in records.enumerated() where record.count != header.count {
            throw DataFileError(
                "\(path) row \(index + 2): \(record.count) values for the header's \(header.count) fields")
        }
        guard !records.isEmpty else { throw DataFileError("\(path) has a header but no rows") }
        return DataFile(fields: header, rows: records)
    }

    private static func jsonLines(_ text: String, path: String) throws(DataFileError) -> DataFile {
        var objects: [[String: String]] = []
        var fields: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw DataFileError("\(path) line \(index + 1) is not a JSON object")
            }
            var row: [String: String] = [:]
            for (key, value) in object {
                if !fields.contains(key) { fields.append(key) }
                row[key] = Self.text(value)
            }
            objects.append(row)
        }
        guard !objects.isEmpty else { throw DataFileError("\(path) has no JSON lines") }
        fields.sort()
        return DataFile(fields: fields, rows: objects.map { row in fields.map { row[$0] ?? "" } })
    }

    private static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        if value is NSNull { return "" }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }
}

/// A data file that cannot be used, with where.
public struct DataFileError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// RFC 4180 records: fields split at commas, double-quoted fields may hold commas, line breaks and "" for a quote.
enum CSVRecords {
    static func parse(_ text: String, path: String) throws(DataFileError) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var characters = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\n":
                record.append(field)
                if record != [""] { records.append(record) }
                record = []
                field = ""
                line += 1
            default: field.append(character)
            }
        }
        if quoted { throw DataFileError("\(path) line \(line): a quoted field is never closed") }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
