import Foundation

extension JSONValue {
    /// Foundation gives booleans their own NSNumber subclass on every platform; comparing with it is the portable
    /// way to tell `true` from `1`, since `as? Bool` and `as? Double` both accept either.
    private static let booleanType = type(of: NSNumber(value: true))

    /// The scalar a `JSONSerialization` value holds; nil for objects and arrays.
    init?(serialized value: Any) {
        switch value {
        case let string as String:
            self = .string(string)
        case is NSNull:
            self = .null
        case let number as NSNumber:
            self = type(of: number) == Self.booleanType ? .bool(number.boolValue) : .number(number.doubleValue)
        default:
            return nil
        }
    }

    /// How a check message shows the value: strings quoted, numbers without a needless `.0`.
    var checkText: String {
        switch self {
        case .string(let string): "\"\(string.count > 40 ? String(string.prefix(40)) + "…" : string)\""
        case .number(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let bool): String(bool)
        case .null: "null"
        }
    }
}
