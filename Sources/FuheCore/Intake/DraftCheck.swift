import Foundation

/// An arithmetic check found by reading a report: the numbers it states and what they add up to.
public struct DraftCheck: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// "N万元，其中A、B、C": the parts against the stated total.
        case sum
        /// "占…%", "比例为…%", "…率为…%", "已使用N%，即X万元": a share against its two amounts.
        case share
        /// "增加D万元，上升P%": a change rate against the amounts.
        case change
        /// A total's change (or amount) against the same change of its categories (三公经费 = 出国 + 车 + 接待).
        case composition
        /// A row of a printed table: difference and ratio columns against the amounts in the row.
        case tableRow = "table_row"
        /// A stated subtotal against the stated scores of its items.
        case subtotal
        /// A stated total against the sum of the stated scores.
        case total
        /// A stated score above the weight printed beside it.
        case overWeight = "over_weight"
        /// A stated grade against the stated total.
        case gradeTotal = "grade_total"
        /// A top grade with a low budget execution rate.
        case gradeExecution = "grade_execution"
    }

    /// `ok` (adds up), `hint` (differs at rounding level), `error`.
    public enum Level: String, Hashable, Sendable, Codable {
        case ok, hint, error

        /// "一致", "提示", "错误".
        public var label: String {
            switch self {
            case .ok: "一致"
            case .hint: "提示"
            case .error: "错误"
            }
        }
    }

    /// One number the check uses, as printed, with its place.
    public struct Operand: Hashable, Sendable, Codable {
        public var label: String
        public var value: String
        public var spans: [SourceSpan]

        public init(label: String, value: String, spans: [SourceSpan]) {
            self.label = label
            self.value = value
            self.spans = spans
        }
    }

    /// `check.1` …
    public var id: String
    public var kind: Kind
    public var level: Level
    /// What is checked, in Chinese ("财政拨款决算支出").
    public var label: String
    /// The stated result and what the operands give; both as plain decimals.
    public var stated: String
    public var computed: String
    /// 万元, %, 分 …
    public var unit: String
    public var operands: [Operand]
    /// One sentence naming the numbers.
    public var message: String
    public var spans: [SourceSpan]

    public init(id: String, kind: Kind, level: Level, label: String, stated: String, computed: String, unit: String,
                operands: [Operand], message: String, spans: [SourceSpan]) {
        self.id = id
        self.kind = kind
        self.level = level
        self.label = label
        self.stated = stated
        self.computed = computed
        self.unit = unit
        self.operands = operands
        self.message = message
        self.spans = spans
    }

    /// The rule code the check corresponds to in the validation catalogue (spec §3.8).
    public var ruleCode: String {
        switch kind {
        case .sum, .composition: "D-001"
        case .tableRow: "D-002"
        case .share, .change: "D-006"
        case .gradeExecution: "D-005"
        case .subtotal: "S-002"
        case .total: "S-002"
        case .overWeight: "S-001"
        case .gradeTotal: "S-004"
        }
    }

    /// Checks on stated scores are found again by the validation rules once the scores are in the
    /// scoresheet (S-001, S-002, S-004); the others only exist in the text.
    public var isScoreCheck: Bool { [.subtotal, .total, .overWeight, .gradeTotal].contains(kind) }
}

/// How a printed result compares with what its printed operands give (the one place this is decided).
///
/// ```swift
/// ArithmeticRule.compare(stated: 3456.09, computed: 3321.97, statedPlaces: 2, kind: .amount)  // .error
/// ArithmeticRule.compare(stated: 116.79, computed: 116.80, statedPlaces: 2, kind: .amount)    // .hint
/// ArithmeticRule.compare(stated: 64, computed: 63.978, statedPlaces: 0, kind: .percent)      // .ok
/// ```
public enum ArithmeticRule {
    public enum Quantity: Sendable {
        /// Money and counts: exact, or off by 0.01 (a rounding of the parts) → hint.
        case amount
        /// A percentage printed to `statedPlaces` decimals: equal after rounding → ok; within one
        /// unit of the last printed place, or within 0.01 percentage point → hint.
        case percent
    }

    public static func compare(stated: Decimal, computed: Decimal, statedPlaces: Int, kind: Quantity) -> DraftCheck.Level {
        let difference = abs(stated - computed)
        switch kind {
        case .amount:
            if difference == 0 { return .ok }
            return difference <= Decimal(string: "0.01")! ? .hint : .error
        case .percent:
            let places = max(0, min(statedPlaces, 6))
            if ExactDecimal.round(computed, places: places) == stated { return .ok }
            var unit = Decimal(1)
            for _ in 0..<places { unit /= 10 }
            return difference <= max(unit, Decimal(string: "0.01")!) ? .hint : .error
        }
    }

    /// Decimals written in a plain decimal literal ("8.62" → 2).
    public static func places(of text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }
}
