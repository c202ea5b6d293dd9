import Foundation

// Allocation-free conversions into `Decimal` for the hot scoring path: Foundation's `Decimal`
// division is slow, and `Score.decimal` / `Money.wanYuan` divide.

extension Score {
    /// The exact value as a `Decimal` (hundredths × 10⁻²), built without division.
    var exact: Decimal {
        Decimal(sign: hundredths < 0 ? .minus : .plus, exponent: -2, significand: Decimal(hundredths.magnitude))
    }
}

extension Money {
    /// The exact amount in 万元, built without division.
    var exactWanYuan: Decimal {
        Decimal(sign: yuan < 0 ? .minus : .plus, exponent: -4, significand: Decimal(yuan.magnitude))
    }
}

extension Decimal {
    /// Identical representation (a sufficient, cheap test for equality; used to reuse cached rows).
    func isIdentical(to other: Decimal) -> Bool {
        withUnsafeBytes(of: self) { a in
            withUnsafeBytes(of: other) { b in
                guard let x = a.baseAddress, let y = b.baseAddress else { return false }
                return memcmp(x, y, a.count) == 0
            }
        }
    }
}

extension ObservedValue {
    /// Same text and same parsed contents, compared cheaply (numbers by representation).
    func isIdentical(to other: ObservedValue) -> Bool {
        guard text == other.text, met == other.met, level == other.level, items == other.items else { return false }
        switch (number, other.number) {
        case (nil, nil): return true
        case let (a?, b?): return a.isIdentical(to: b)
        default: return false
        }
    }
}

extension Decimal {
    /// The order of two decimals (−1, 0, 1): in integers when both are small enough for
    /// `ExactFraction` (≤ 64-bit significands, |exponent| ≤ 18 — two such values that differ,
    /// differ far above the 38 digits Foundation compares at, so the answer is its), else by
    /// Foundation's comparison, which allocates while aligning exponents.
    static func order(_ a: Decimal, _ b: Decimal) -> Int {
        if let fa = ExactFraction(a), let fb = ExactFraction(b), let c = fa.compare(fb) { return c }
        return a < b ? -1 : (a == b ? 0 : 1)
    }
}

extension ScoreText {
    /// `pct(decimal())` for a percentage whose exact value is `exact`: rounded in integers when
    /// that decides the hundredths (not half-way, small denominator: `roundedHundredths`), else
    /// from the `Decimal` formula as before.
    static func pct(_ exact: ExactFraction?, or decimal: () -> Decimal) -> String {
        guard let hundredths = exact?.roundedHundredths(halfWay: false) else { return pct(decimal()) }
        return trimmed(Score(hundredths: hundredths).description) + "%"
    }

    /// `ExactDecimal.format(decimal(), places: 2)` for a value whose exact value is `exact`: in
    /// integers when that decides the hundredths (as `pct(_:or:)`), else from the `Decimal`.
    static func fixed(_ exact: ExactFraction?, or decimal: () -> Decimal) -> String {
        guard let hundredths = exact?.roundedHundredths(halfWay: false) else { return ExactDecimal.format(decimal(), places: 2) }
        return Score(hundredths: hundredths).description
    }
}
