import Foundation

/// A `Decimal`'s exact value as ± significand × 10^exponent, read from its representation
/// without Foundation arithmetic (which allocates on division and when converting to integers).
///
/// Nil for NaN, for significands wider than 64 bits and whenever the representation is not the
/// one this was written against (checked once against known values): the caller then uses
/// `Decimal` arithmetic itself, so the result never depends on this shortcut.
struct DecimalParts: Equatable {
    var negative: Bool
    var significand: UInt64
    var exponent: Int

    init(negative: Bool, significand: UInt64, exponent: Int) {
        self.negative = negative
        self.significand = significand
        self.exponent = exponent
    }

    init?(_ value: Decimal) {
        guard Self.layoutKnown, let parts = Self.read(value) else { return nil }
        self = parts
    }

    /// swift-foundation's `Decimal`: byte 0 the exponent (Int8); byte 1 the length in 16-bit
    /// words (high nibble), the sign (bit 3) and the compact flag (bit 2); bytes 4–19 the
    /// significand, 8 little-endian words.
    private static func read(_ value: Decimal) -> DecimalParts? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return withUnsafeBytes(of: value) { raw -> DecimalParts? in
            let flags = raw[1]
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            if length == 0 { return negative ? nil : DecimalParts(negative: false, significand: 0, exponent: 0) }
            guard length <= 4 else { return nil }
            var significand: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                let low = UInt64(raw[4 + 2 * word]), high = UInt64(raw[5 + 2 * word])
                significand = significand << 16 | high << 8 | low
            }
            return DecimalParts(negative: negative, significand: significand, exponent: Int(Int8(bitPattern: raw[0])))
        }
    }

    /// Whether `read` gives the right parts for values made through Foundation's public API.
    private static let layoutKnown: Bool = {
        let samples: [(Decimal, DecimalParts?)] = [
            (Decimal(string: "-123.456", locale: Locale(identifier: "en_US_POSIX"))!,
             DecimalParts(negative: true, significand: 123_456, exponent: -3)),
            (Decimal(sign: .plus, exponent: 7, significand: Decimal(UInt64(18_446_744_073_709_551_615))),
             DecimalParts(negative: false, significand: 18_446_744_073_709_551_615, exponent: 7)),
            (Decimal(sign: .plus, exponent: -2, significand: Decimal(65_536)),
             DecimalParts(negative: false, significand: 65_536, exponent: -2)),
            (Decimal(0), DecimalParts(negative: false, significand: 0, exponent: 0)),
            (Decimal.nan, nil),
            (Decimal(string: "123456789012345678901234567890", locale: Locale(identifier: "en_US_POSIX"))!, nil),
        ]
        return samples.allSatisfy { read($0.0) == $0.1 }
    }()
}

/// An exact fraction n / d (d > 0) of 128-bit integers, for score formulas: built from
/// `DecimalParts` and combined with checked operations that give nil instead of overflowing.
struct ExactFraction: Equatable {
    var n: Int128
    var d: Int128

    init(_ n: Int128, _ d: Int128 = 1) {
        self.n = n
        self.d = d
    }

    /// The value of a decimal whose significand and exponent are small enough (|exponent| ≤ 18).
    init?(_ value: Decimal) {
        guard let p = DecimalParts(value), (-18...18).contains(p.exponent) else { return nil }
        let magnitude = Int128(p.significand)
        let scale = Self.powerOfTen(p.exponent.magnitude)
        if p.exponent >= 0 {
            guard let m = Self.times(magnitude, scale) else { return nil }
            self.init(p.negative ? -m : m)
        } else {
            self.init(p.negative ? -magnitude : magnitude, scale)
        }
    }

    /// A whole number (`ExactFraction(100)` would read 100 as a `Decimal`).
    static func whole(_ n: Int128) -> ExactFraction { ExactFraction(n, 1) }

    /// A score: hundredths / 100.
    init(_ score: Score) { self.init(Int128(score.hundredths), 100) }

    static func powerOfTen(_ k: UInt) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<k { p *= 10 }
        return p
    }

    static func times(_ a: Int128, _ b: Int128) -> Int128? {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : r
    }

    static func plus(_ a: Int128, _ b: Int128) -> Int128? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }

    /// −a, nil for the one value without a negation.
    static func negated(_ a: Int128) -> Int128? { a == .min ? nil : -a }

    func adding(_ o: ExactFraction) -> ExactFraction? {
        guard let a = Self.times(n, o.d), let b = Self.times(o.n, d), let s = Self.plus(a, b),
              let den = Self.times(d, o.d) else { return nil }
        return ExactFraction(s, den)
    }

    func subtracting(_ o: ExactFraction) -> ExactFraction? {
        Self.negated(o.n).flatMap { adding(ExactFraction($0, o.d)) }
    }

    func multiplied(by o: ExactFraction) -> ExactFraction? {
        guard let num = Self.times(n, o.n), let den = Self.times(d, o.d) else { return nil }
        return ExactFraction(num, den)
    }

    /// Nil for a zero divisor too.
    func divided(by o: ExactFraction) -> ExactFraction? {
        guard o.n != 0, let divisor = Self.negated(o.n).map({ o.n < 0 ? $0 : o.n }),
              let num = Self.times(n, o.d), let den = Self.times(d, divisor),
              let signed = o.n < 0 ? Self.negated(num) : Optional(num) else { return nil }
        return ExactFraction(signed, den)
    }

    /// −1, 0 or 1 as self is below, equal to or above `o`; nil on overflow.
    func compare(_ o: ExactFraction) -> Int? {
        guard let a = Self.times(n, o.d), let b = Self.times(o.n, d) else { return nil }
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    /// The value in hundredths rounded half away from zero (四舍五入). Nil when the value is not
    /// small (|value| ≥ 10¹⁰ points or denominator ≥ 10¹⁸), or lies exactly half-way between two
    /// hundredths unless `halfWay` (the fraction is the exact value itself, not a formula's).
    /// Outside those cases a `Decimal` computation of the same formula (38 significant digits)
    /// rounds to the same hundredths: its error is below 10⁻³⁰ of a hundredth, while a value that
    /// is not half-way lies at least 1 / (2d) hundredths from the nearest half-way point.
    func roundedHundredths(halfWay: Bool) -> Int? {
        guard d > 0, d < 1_000_000_000_000_000_000, let magnitude = Self.negated(n).map({ n < 0 ? $0 : n }),
              let scaled = Self.times(magnitude, 100) else { return nil }
        let q = scaled / d, r = scaled % d
        guard q < 1_000_000_000_000, halfWay || 2 * r != d else { return nil }
        let rounded = Int(2 * r >= d ? q + 1 : q)
        return n < 0 ? -rounded : rounded
    }
}
