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
