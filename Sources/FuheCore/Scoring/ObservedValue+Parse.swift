import Foundation

extension ObservedValue {
    /// Reads a printed or typed value into what the engine scores from, keeping the original text.
    ///
    /// - 是/否/达标/未达标/有/无 → `met`; A/B/C, 达成/部分达成/未达成 → `level` (繁体 alike);
    /// - pieces separated by "、", "；", ";" or "," → `items` (raw pieces, matched later by name or
    ///   1-based index);
    /// - "11/10", "37.2/45.12万元", "(a+b)/c" → exact ratio, ×100 when `unit` is "%";
    ///   "11/10=110%" prefers the ratio; "110%" → 110; "≥3000人次" → 3000.
    ///
    /// Never fails: text it cannot read yields a value with only `text` set.
    public static func parse(_ text: String, unit: String) -> ObservedValue {
        var value = ObservedValue(text: text)
        let s = ValueText.normalize(text)
        guard !s.isEmpty else { return value }
        let word = ChineseText.simplified(s).uppercased()   // 達標 is 达标
        if let met = metWords[word] {
            value.met = met
        } else if let level = levelWords[word] {
            value.level = level
        } else if let items = ValueText.splitItems(s) {
            value.items = items
        } else {
            value.number = number(in: s, unit: unit)
        }
        return value
    }

    /// Reads the `num` field of the exchange format: a plain decimal ("110", "-6.67") or a ratio
    /// "a/b" of plain decimals, computed exactly and ×100 when `unit` is "%". A trailing "%" is
    /// allowed. Nil for anything else or a zero denominator.
    public static func parseNumber(_ text: String, unit: String) -> Decimal? {
        var body = ValueText.normalize(text)
        if body.hasSuffix("%") { body.removeLast() }
        guard body.contains("/") else { return ExactDecimal.parse(body) }
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let a = ExactDecimal.parse(String(parts[0])),
              let b = ExactDecimal.parse(String(parts[1])), b != 0 else { return nil }
        return unit == "%" ? a / b * 100 : a / b
    }

    /// True when the text is a ratio whose denominator is zero ("11/0"): the engine then reports
    /// division by zero instead of a missing value.
    static func hasZeroDenominator(_ text: String) -> Bool {
        let s = ValueText.normalize(text)
        for part in s.split(separator: "=") where part.contains("/") {
            if case .failure(.divisionByZero) = RatioExpression.evaluate(String(part)) { return true }
        }
        return false
    }

    private static func number(in s: String, unit: String) -> Decimal? {
        // No "=" and no "/" byte: one part and no ratio (no character holding either is there),
        // so the split and the searches below would find the text itself and nothing else.
        if !s.utf8.contains(0x3D) && !s.utf8.contains(0x2F) { return ValueText.firstNumber(s) }
        let parts = s.split(separator: "=").map(String.init)
        for part in parts where part.contains("/") {
            switch RatioExpression.evaluate(part) {
            case .success(let ratio):
                let percent = unit == "%" || (parts.count > 1 && s.hasSuffix("%"))
                return percent ? ratio * 100 : ratio
            case .failure(.divisionByZero):
                return nil
            case .failure(.invalid):
                continue
            }
        }
        return ValueText.firstNumber(parts.last ?? s)
    }

    private static let metWords: [String: Bool] = {
        var words: [String: Bool] = [:]
        for w in ["是", "有", "达标", "已达标", "符合", "符合要求", "合格", "满足", "√", "✓", "Y", "YES", "TRUE"] {
            words[w] = true
        }
        for w in ["否", "无", "未达标", "不达标", "不符合", "不合格", "不满足", "×", "✗", "N", "NO", "FALSE"] {
            words[w] = false
        }
        return words
    }()

    private static let levelWords: [String: QualLevel] = {
        var words: [String: QualLevel] = [:]
        for level in QualLevel.allCases {
            let code = level.rawValue
            for w in [code, code + "档", code + "级", level.label] { words[w] = level }
        }
        words["达成"] = .a
        words["已达成"] = .a
        words["部分达成"] = .b
        words["未达成"] = .c
        return words
    }()
}
