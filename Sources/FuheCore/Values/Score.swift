import Foundation

/// An exact score in hundredths of a point (e.g. `Score("98.20")` is 9820 hundredths).
///
/// Scores are stored and compared as integers; computed scores are rounded half-up to
/// two decimals once, at the leaf, so that every printed total equals the sum of its printed parts.
///
/// ```swift
/// let s = Score("5")!            // 5.00
/// s.description                  // "5.00"
/// Score(rounding: 8.2446)        // 8.24
/// ```
public struct Score: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value in hundredths of a point.
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }

    /// Parses "5", "5.0", "98.25", "-3". Nil for more than two decimals or anything else.
    public init?(_ text: String) {
        if let fast = Self.plainHundredths(text) { self.hundredths = fast; return }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let digits = ExactDecimal.fractionDigits(trimmed), digits <= 2,
              let value = ExactDecimal.parse(trimmed) else { return nil }
        let scaled = value * 100
        guard let whole = Int(exactly: NSDecimalNumber(decimal: scaled).int64Value),
              Decimal(whole) == scaled, abs(whole) < 100_000_000 else { return nil }
        self.hundredths = whole
    }

    /// "[-]digits[.d[d]]" read straight into hundredths (how scores are stored); nil for anything
    /// else, which then takes the general path.
    static func plainHundredths(_ text: String) -> Int? {
        var utf8 = text.utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8 = utf8.dropFirst() }
        var whole = 0, digits = 0, fraction = 0, fractionDigits = 0, seenPoint = false
        for b in utf8 {
            if b == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                if seenPoint {
                    fractionDigits += 1
                    if fractionDigits > 2 { return nil }
                    fraction = fraction * 10 + Int(b - UInt8(ascii: "0"))
                } else {
                    digits += 1
                    if digits > 6 { return nil }
                    whole = whole * 10 + Int(b - UInt8(ascii: "0"))
                }
            } else {
                return nil
            }
        }
        guard digits > 0, !(seenPoint && fractionDigits == 0) else { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        let value = whole * 100 + fraction
        return negative ? -value : value
    }

    /// Rounds an exact computed value half-up to hundredths.
    public init(rounding value: Decimal) {
        // Integer rounding of the decimal's own digits when they are small (no Foundation arithmetic).
        if let fast = ExactFraction(value)?.roundedHundredths(halfWay: true) {
            self.hundredths = fast
            return
        }
        let rounded = ExactDecimal.round(value * 100, places: 0)
        self.hundredths = Int(NSDecimalNumber(decimal: rounded).int64Value)
    }

    public static let zero = Score(hundredths: 0)

    /// The exact decimal value.
    public var decimal: Decimal { Decimal(hundredths) / 100 }

    /// Two decimals, e.g. "8.24", "-3.00".
    public var description: String {
        // Written right to left into a small buffer: at most a sign, 19 digits, the point and
        // two decimals; a text of up to 15 bytes is a small string (no allocation), where an
        // interpolation of three integers built its text by appends (DEV_ROW names four scores).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var whole = hundredths.magnitude / 100, at = buffer.count
            let fraction = hundredths.magnitude % 100
            func put(_ byte: UInt8) {
                at -= 1
                buffer[at] = byte
            }
            put(UInt8(ascii: "0") + UInt8(fraction % 10))
            put(UInt8(ascii: "0") + UInt8(fraction / 10))
            put(UInt8(ascii: "."))
            repeat {
                put(UInt8(ascii: "0") + UInt8(whole % 10))
                whole /= 10
            } while whole > 0
            if hundredths < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[at...]), as: UTF8.self)
        }
    }

    /// With an explicit sign for positive values, e.g. "+2.00" (used for Δ columns).
    public var signedDescription: String { hundredths > 0 ? "+" + description : description }

    public static func < (lhs: Score, rhs: Score) -> Bool { lhs.hundredths < rhs.hundredths }
    public static func + (lhs: Score, rhs: Score) -> Score { Score(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func - (lhs: Score, rhs: Score) -> Score { Score(hundredths: lhs.hundredths - rhs.hundredths) }
    public static prefix func - (value: Score) -> Score { Score(hundredths: -value.hundredths) }
    public static func += (lhs: inout Score, rhs: Score) { lhs.hundredths += rhs.hundredths }

    /// Clamps into a closed range.
    public func clamped(to lower: Score, _ upper: Score) -> Score { Swift.min(Swift.max(self, lower), upper) }
}

extension Score: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let score = Score(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a score with at most 2 decimals: \(text)")
        }
        self = score
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Sequence where Element == Score {
    /// Exact sum.
    public func sum() -> Score { reduce(.zero, +) }
}
