import Foundation

/// An exact amount of money, stored in whole yuan and written in 万元 (10,000 yuan) with up
/// to four decimals, as the reports print it (e.g. "682.1442" 万元 = 6,821,442 元).
///
/// ```swift
/// let m = Money(wanYuan: "682.1442")!
/// m.yuan                 // 6821442
/// m.wanYuanText          // "682.1442"
/// m.formatted()          // "682.14"
/// ```
///
/// Amounts and every sum or difference are kept within ±``limit`` yuan (just under 10¹⁴ 万元):
/// arithmetic is checked and gives nil beyond it, never a trap.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Whole yuan.
    public var yuan: Int64

    public init(yuan: Int64) { self.yuan = yuan }

    /// Parses an amount in 万元 with at most four decimals ("1279.56", "-2.7").
    public init?(wanYuan text: String) {
        guard let yuan = Self.plainYuan(text) ?? Self.parsedYuan(text) else { return nil }
        self.yuan = yuan
    }

    /// Any amount text `init?(wanYuan:)` accepts, read through `ExactDecimal`.
    static func parsedYuan(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let places = ExactDecimal.fractionDigits(trimmed), places <= 4,
              let value = ExactDecimal.parse(trimmed) else { return nil }
        let scaled = value * 10_000
        let whole = NSDecimalNumber(decimal: scaled).int64Value
        guard Decimal(whole) == scaled, whole.magnitude <= Money.limit.magnitude else { return nil }
        return whole
    }

    public static let zero = Money(yuan: 0)

    /// The largest amount, in yuan, Fuhe computes with: 999,999,999,999,999,999 (10¹⁸ − 1).
    public static let limit: Int64 = 999_999_999_999_999_999

    /// The exact sum, or nil beyond ±``limit``.
    public func adding(_ other: Money) -> Money? { Self.checked(yuan.addingReportingOverflow(other.yuan)) }

    /// The exact difference, or nil beyond ±``limit``.
    public func subtracting(_ other: Money) -> Money? { Self.checked(yuan.subtractingReportingOverflow(other.yuan)) }

    private static func checked(_ result: (partialValue: Int64, overflow: Bool)) -> Money? {
        guard !result.overflow, result.partialValue.magnitude <= limit.magnitude else { return nil }
        return Money(yuan: result.partialValue)
    }

    /// The exact amount in 万元.
    public var wanYuan: Decimal { Decimal(yuan) / 10_000 }

    /// 万元 with as many decimals as needed (0–4), e.g. "682.1442", "16", "8.62".
    public var wanYuanText: String {
        // Written from the integer (the same text as `ExactDecimal.plain(wanYuan)`, which divides
        // and formats through NSDecimalNumber); amounts beyond ±10¹⁸ yuan go that way.
        guard yuan.magnitude < 1_000_000_000_000_000_000 else { return ExactDecimal.plain(wanYuan) }
        let whole = yuan.magnitude / 10_000
        var fraction = yuan.magnitude % 10_000, places = 4
        guard fraction != 0 else { return (yuan < 0 ? "-" : "") + String(whole) }
        while fraction % 10 == 0 { fraction /= 10; places -= 1 }
        let digits = String(fraction)
        return (yuan < 0 ? "-" : "") + String(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// The yuan of the common text `-?d{1,14}(.d{1,4})?` (what the store writes), read in integers;
    /// nil for any other text, which `init?(wanYuan:)` reads through `ExactDecimal` as before.
    static func plainYuan(_ text: String) -> Int64? {
        var utf8 = text.utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8 = utf8.dropFirst() }
        var whole: Int64 = 0, wholeDigits = 0, fraction: Int64 = 0, places = 0, point = false
        for b in utf8 {
            if b == UInt8(ascii: "."), !point { point = true; continue }
            guard b >= 0x30, b <= 0x39 else { return nil }
            if point {
                fraction = fraction * 10 + Int64(b - 0x30)
                places += 1
            } else {
                whole = whole * 10 + Int64(b - 0x30)
                wholeDigits += 1
            }
            guard wholeDigits <= 14, places <= 4 else { return nil }
        }
        guard wholeDigits > 0, !point || places > 0 else { return nil }
        for _ in places..<4 { fraction *= 10 }
        let yuan = whole * 10_000 + fraction
        return negative ? -yuan : yuan
    }

    /// 万元 with exactly two decimals, e.g. "682.14".
    public func formatted() -> String { ExactDecimal.format(wanYuan, places: 2) }

    public var description: String { wanYuanText }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.yuan < rhs.yuan }
}

extension Money: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let money = Money(wanYuan: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an amount in 万元 with at most 4 decimals: \(text)")
        }
        self = money
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wanYuanText)
    }
}

extension Sequence where Element == Money {
    /// Exact sum, or nil when it (or a partial sum) goes beyond ±``Money/limit``.
    public func sum() -> Money? {
        var total = Money.zero
        for m in self {
            guard let next = total.adding(m) else { return nil }
            total = next
        }
        return total
    }
}
