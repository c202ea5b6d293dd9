import Foundation

/// A target or actual value as printed ("≥3000人次", "11/10=110%") together with what the
/// engine needs from it: a number, a met/not-met answer, a qualitative level, or the checklist
/// elements satisfied.
public struct ObservedValue: Hashable, Sendable, Codable {
    /// The text as written.
    public var text: String
    /// Exact number (a rate in percent when the indicator's unit is "%").
    public var number: Decimal?
    /// Condition met (FULL_OR_ZERO).
    public var met: Bool?
    /// Qualitative level (QUAL_3LEVEL).
    public var level: QualLevel?
    /// Satisfied checklist element names (CHECKLIST).
    public var items: [String]?

    public init(text: String, number: Decimal? = nil, met: Bool? = nil, level: QualLevel? = nil, items: [String]? = nil) {
        self.text = text
        self.number = number
        self.met = met
        self.level = level
        self.items = items
    }

    /// A value that is only a number, printed plainly.
    public static func number(_ value: Decimal, unit: String = "") -> ObservedValue {
        ObservedValue(text: ExactDecimal.plain(value) + unit, number: value)
    }
}
