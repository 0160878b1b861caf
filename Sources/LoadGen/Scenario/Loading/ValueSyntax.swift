/// The strict textual forms of durations, rates, percentages and sizes in scenario files.
///
/// Each parser returns the value or a sentence saying what the accepted form is, so typos such as `10 s` or a bare
/// `10` fail loudly instead of being read as something the author did not mean.
enum ValueSyntax {
    /// `250ms`, `1s`, `1.5s`, `2m`: a decimal number and one of ms, s, m, with no space.
    static func duration(_ text: String) -> Result<Duration, SyntaxProblem> {
        let units: [(suffix: String, nanoseconds: Int64)] = [("ms", 1_000_000), ("s", 1_000_000_000), ("m", 60_000_000_000)]
        guard let unit = units.first(where: { text.hasSuffix($0.suffix) }),
            let number = DecimalNumber(String(text.dropLast(unit.suffix.count))),
            let nanoseconds = number.scaled(by: unit.nanoseconds)
        else {
            return .failure(
                SyntaxProblem(
                    "invalid duration '\(text)'; write a number and a unit (ms, s or m) with no space, e.g. 250ms, 1.5s, 2m"))
        }
        return .success(.nanoseconds(nanoseconds))
    }

    /// `10/s` or `600/m` (= 10/s): requests per second or per minute.
    static func rate(_ text: String) -> Result<Rate, SyntaxProblem> {
        let problem = SyntaxProblem("invalid rate '\(text)'; write requests per second or per minute, e.g. 10/s, 600/m")
        let units: [(suffix: String, seconds: Double)] = [("/s", 1), ("/m", 60)]
        guard let unit = units.first(where: { text.hasSuffix($0.suffix) }),
            let number = DecimalNumber(String(text.dropLast(unit.suffix.count)))
        else { return .failure(problem) }
        return .success(Rate(perSecond: number.doubleValue / unit.seconds))
    }

    /// `1%`, `0.5%`, `99.9%` → a fraction in 0...1.
    static func percentage(_ text: String) -> Result<Double, SyntaxProblem> {
        guard text.hasSuffix("%"), let number = DecimalNumber(String(text.dropLast())) else {
            return .failure(
                SyntaxProblem("invalid percentage '\(text)'; write a number from 0 to 100 followed by %, e.g. 1%, 0.5%, 99.9%"))
        }
        let fraction = number.shifted(byDecimalPlaces: -2)
        guard fraction <= 1 else {
            return .failure(SyntaxProblem("percentage '\(text)' is above 100%"))
        }
        return .success(fraction)
    }

    /// `512B`, `64KB`, `9MB`: whole bytes, kibibytes (1024 B) or mebibytes.
    static func size(_ text: String) -> Result<Int, SyntaxProblem> {
        let units: [(suffix: String, bytes: Int)] = [("KB", 1024), ("MB", 1024 * 1024), ("B", 1)]
        guard let unit = units.first(where: { text.hasSuffix($0.suffix) }),
            case let digits = text.dropLast(unit.suffix.count),
            !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let count = Int(digits),
            case let (bytes, overflow) = count.multipliedReportingOverflow(by: unit.bytes), !overflow
        else {
            return .failure(
                SyntaxProblem(
                    "invalid size '\(text)'; write a whole number and B, KB or MB (1 KB = 1024 B), e.g. 512B, 64KB, 9MB"))
        }
        guard bytes <= maximumSize else {
            return .failure(SyntaxProblem("size '\(text)' is too large; generated bodies are at most 1024MB"))
        }
        return .success(bytes)
    }

    /// Generated bodies are held in memory once per run; beyond this a test is about the load generator, not the target.
    static let maximumSize = 1024 * 1024 * 1024
}

/// Why a scalar did not match its syntax; the text is shown to the user after the key path.
struct SyntaxProblem: Error, Equatable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

/// A non-negative decimal written as digits with an optional fractional part (`12`, `1.5`), kept exact so that
/// `1.5s` becomes exactly 1.5 seconds and `99.9%` the double nearest 0.999.
struct DecimalNumber {
    /// All digits without the point, and how many of them follow it.
    private let digits: String
    private let fractionDigits: Int

    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            parts.count == 1 || parts[1].count <= 9
        else { return nil }
        digits = parts.joined()
        fractionDigits = parts.count == 2 ? parts[1].count : 0
    }

    var doubleValue: Double { shifted(byDecimalPlaces: 0) }

    /// The value times 10^places, parsed once from decimal text so no binary rounding accumulates.
    func shifted(byDecimalPlaces places: Int) -> Double {
        Double("\(digits)e\(places - fractionDigits)") ?? .nan
    }

    /// The value times `factor`, truncated to an integer; nil on overflow.
    func scaled(by factor: Int64) -> Int64? {
        guard let mantissa = Int64(digits) else { return nil }
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        var divisor: Int64 = 1
        for _ in 0..<fractionDigits { divisor *= 10 }
        return product / divisor
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension ValueSyntax {
    /// A duration written back in scenario syntax for messages: `30s`, `250ms`, `1.5s`.
    static func text(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds)s" }
        if seconds == 0, attoseconds % 1_000_000_000_000_000 == 0 { return "\(attoseconds / 1_000_000_000_000_000)ms" }
        return "\(duration.seconds)s"
    }
}
