import Foundation

/// A number in the working text with the unit printed after it.
struct NumberToken {
    /// Working range of the digits (with a leading minus sign when there is one).
    var start: Int
    var end: Int
    /// Plain decimal as printed ("682.1442", "-6.67").
    var text: String
    var value: Decimal
    /// 万元, 亿元, 元, %, 分, 人, 名 … ("" when none).
    var unit: String
    /// End of the unit (== end when there is none).
    var unitEnd: Int
    /// "150余万元", "1800多家".
    var approximate: Bool

    var isMoney: Bool { unit == "万元" || unit == "亿元" || unit == "元" }
}

/// Finds every number in the working text, once, left to right.
enum NumberScanner {
    static let units: [String] = ["万元", "亿元", "元", "%", "分", "人次", "人", "名", "万", "个", "户", "件", "项", "辆", "次", "条", "份", "宗", "家", "天"]

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    static func scan(_ w: WorkingText) -> [NumberToken] {
        let s = w.scalars
        var out: [NumberToken] = []
        var i = 0
        while i < s.count {
            guard isDigit(s[i]) else { i += 1; continue }
            // Not part of a word or code (G240, No.5).
            if i > 0, ("a"..."z").contains(s[i - 1]) || ("A"..."Z").contains(s[i - 1]) || s[i - 1] == "_" {
                while i < s.count, isDigit(s[i]) || s[i] == "." { i += 1 }
                continue
            }
            var start = i
            var negative = false
            if i > 0, s[i - 1] == "-" || s[i - 1] == "−", i < 2 || !isDigit(s[i - 2]) {
                negative = true
                start = i - 1
            }
            var j = i
            while j < s.count, isDigit(s[j]) { j += 1 }
            if j + 1 < s.count, s[j] == ".", isDigit(s[j + 1]) {
                j += 1
                while j < s.count, isDigit(s[j]) { j += 1 }
            }
            let digits = w.string(i, j)
            // Part of a longer code (phone numbers, index numbers): more than 12 digits, or a slash code.
            if j - i > 12 || (j < s.count && (s[j] == "/" && j + 1 < s.count && isDigit(s[j + 1]) && w.string(j + 1, min(j + 6, s.count)).contains("-"))) {
                i = j
                continue
            }
            var k = j
            // "107.66 万元": a space before the unit.
            if k + 1 < s.count, s[k] == " ", s[k + 1] == "万" || s[k + 1] == "元" || s[k + 1] == "%" || s[k + 1] == "亿" { k += 1 }
            var approximate = false
            if k < s.count, s[k] == "余" || s[k] == "多" {
                approximate = true
                k += 1
            }
            var unit = ""
            for u in units where matches(s, k, u) {
                unit = u
                break
            }
            if unit == "万", matches(s, k, "万余元") { unit = "万元"; approximate = true; k += 1 }
            let text = (negative ? "-" : "") + digits
            let value = Decimal(string: text) ?? 0
            out.append(NumberToken(start: start, end: j, text: text, value: value, unit: unit,
                                   unitEnd: k + unit.unicodeScalars.count, approximate: approximate))
            i = j
        }
        return out
    }

    static func matches(_ s: [Unicode.Scalar], _ i: Int, _ literal: String) -> Bool {
        var k = i
        for u in literal.unicodeScalars {
            guard k < s.count, s[k] == u else { return false }
            k += 1
        }
        return true
    }
}
