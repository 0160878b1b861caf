import Foundation

/// Reads request bodies with errors that point at the field (`attributes.latency: expected a whole number`).
enum ControlAPIJSON {
    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws(ControlAPIError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw .badBody(describe(error))
        } catch {
            throw .badBody("\(error)")
        }
    }

    static func encode<Value: Encodable>(_ value: Value) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the body" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .typeMismatch(let type, let context):
            let expected =
                type == Int.self
                ? "a whole number" : type == Double.self ? "a number" : type == Bool.self ? "true or false" : "\(type)"
            return "\(path(context)): expected \(expected)"
        case .valueNotFound(_, let context):
            return "\(path(context)): must not be null"
        case .keyNotFound(let key, let context):
            return "\(path(context)): missing '\(key.stringValue)'"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
