import Foundation

/// Strict parsing and rounding helpers for `Decimal`, the exact base-10 number used for every
/// measured value, rate and score computation in Fuhe (never `Double`).
///
/// ```swift
/// ExactDecimal.parse("682.1442")      // 682.1442
/// ExactDecimal.parse("1e5")           // nil: only plain decimal literals are accepted
/// ExactDecimal.round(8.2446, places: 2) // 8.24 (half-up)
/// ```
public enum ExactDecimal {
    /// Parses a plain decimal literal: optional sign, digits, optional fraction. No exponents,
    /// no grouping separators, no spaces. Returns nil for anything else.
    public static func parse(_ text: String) -> Decimal? {
        guard let parts = split(text) else { return nil }
        var digits = parts.integer + parts.fraction
        while digits.count > 1 && digits.first == "0" { digits.removeFirst() }
        let value: Decimal
        if digits.count <= 18, let whole = UInt64(digits) {
            // Fast path: an exact significand and a power-of-ten exponent, no string parsing.
            value = Decimal(sign: .plus, exponent: -parts.fraction.count, significand: Decimal(whole))
        } else {
            guard let big = Decimal(string: digits, locale: posix) else { return nil }
            value = parts.fraction.isEmpty ? big : big / pow(Decimal(10), parts.fraction.count)
        }
        return parts.negative ? -value : value
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Number of digits after the decimal point in a plain literal (nil when not a literal).
    public static func fractionDigits(_ text: String) -> Int? {
        split(text)?.fraction.count
    }

    /// Rounds half away from zero (四舍五入) to `places` decimals.
    public static func round(_ value: Decimal, places: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    /// Rounds toward negative infinity to a whole number.
    public static func floor(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .down)
        return result
    }

    /// Rounds toward positive infinity to a whole number.
    public static func ceil(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .up)
        return result
    }

    /// Formats with exactly `places` decimals (half-up), e.g. `format(13.8, places: 2)` → "13.80".
    public static func format(_ value: Decimal, places: Int) -> String {
        let rounded = round(value, places: places)
        let negative = rounded < 0
        let magnitude = negative ? -rounded : rounded
        let scaled = magnitude * pow(Decimal(10), places)
        let digits = NSDecimalNumber(decimal: scaled).stringValue
        var padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        if places > 0 {
            padded.insert(".", at: padded.index(padded.endIndex, offsetBy: -places))
        }
        return (negative && scaled != 0 ? "-" : "") + padded
    }

    /// Shortest plain text for a value (no trailing zeros), e.g. 110 → "110", 82.5 → "82.5".
    public static func plain(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).stringValue
    }

    private static func split(_ text: String) -> (negative: Bool, integer: String, fraction: String)? {
        var rest = Substring(text)
        var negative = false
        if rest.first == "-" || rest.first == "+" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        let pieces = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 1 || pieces.count == 2 else { return nil }
        let integer = String(pieces[0])
        let fraction = pieces.count == 2 ? String(pieces[1]) : ""
        guard !integer.isEmpty || !fraction.isEmpty else { return nil }
        if pieces.count == 2 && fraction.isEmpty { return nil }
        let isASCIIDigits: (String) -> Bool = { $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard isASCIIDigits(integer), isASCIIDigits(fraction) else { return nil }
        guard integer.count + fraction.count <= 38 else { return nil }
        return (negative, integer.isEmpty ? "0" : integer, fraction)
    }
}
