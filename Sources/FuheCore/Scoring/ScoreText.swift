import Foundation

/// Number formatting for explanations and messages (2 decimals, trailing zeros dropped).
enum ScoreText {
    /// "110", "82.45", "0.5", "-6.67".
    static func num(_ value: Decimal) -> String {
        guard value.magnitude < 1_000_000_000_000 else { return ExactDecimal.plain(ExactDecimal.round(value, places: 2)) }
        return trimmed(Score(rounding: value).description)
    }

    /// A score's text without trailing zero decimals: "82.40" → "82.4", "5.00" → "5".
    static func trimmed(_ text: String) -> String {
        if text.hasSuffix(".00") { return String(text.dropLast(3)) }
        if text.hasSuffix("0") { return String(text.dropLast()) }
        return text
    }

    /// "82.45%".
    static func pct(_ value: Decimal) -> String { num(value) + "%" }

    /// A value with its unit of measure: "110%", "9天", "3000人次".
    static func value(_ value: Decimal, _ unit: String) -> String { num(value) + unit }

    /// The word for one unit of a step: "个百分点" for %, else the unit itself or "个单位".
    static func stepUnit(_ unit: String) -> String {
        unit == "%" ? "个百分点" : (unit.isEmpty ? "个单位" : unit)
    }

    /// "5.00分".
    static func points(_ score: Score) -> String { score.description + "分" }

    /// "0.5分" for a decimal point amount.
    static func points(_ value: Decimal) -> String { num(value) + "分" }

    /// Money in 万元 as written: "37.2万元".
    static func money(_ money: Money) -> String { money.wanYuanText + "万元" }
}
