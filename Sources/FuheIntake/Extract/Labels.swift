/// The words printed before a number, as its label: back to the previous punctuation or number
/// (at most 24 characters), without leading years, 其中, comparison words, and trailing copulas.
enum Labels {
    static let boundaries: Set<Unicode.Scalar> = [",", ";", "。", ":", "、", "(", ")", "\n", "|", "!", "?", "=", "[", "]", "《", "》", "<", ">",
                                                  " ", "/", "*", "≥", "≤", "+"]

    /// Start of the label of the number at `start` (not before `floor`).
    static func labelStart(_ s: [Unicode.Scalar], before start: Int, floor: Int) -> Int {
        var i = start
        while i > floor, start - i < 32 {
            let c = s[i - 1]
            // "资本性支出(基本建设支出)518.59万元", "因公出国(境)费": a bracket inside the label.
            if c == ")", let open = (max(floor, i - 16)..<(i - 1)).last(where: { s[$0] == "(" }), open > floor,
               !boundaries.contains(s[open - 1]), !NumberScanner.isDigit(s[open - 1]) {
                i = open
                continue
            }
            if boundaries.contains(c) || NumberScanner.isDigit(c) { break }
            i -= 1
        }
        // "2020年预算收入": the year's 年/年度 belongs to the number before, not to the label
        // (but 年初, 年中, 年末, 年底 are words of their own).
        if i < start, s[i] == "年", i >= 2, NumberScanner.isDigit(s[i - 1]) || s[i - 1] == "x" || s[i - 1] == "X",
           i + 1 >= start || !"初中末底".unicodeScalars.contains(s[i + 1]) {
            i += 1
            if i < start, s[i] == "度" { i += 1 }
        }
        // "17.11万元相差": the unit of the number before is not part of the label.
        if i > floor, i < start, NumberScanner.isDigit(s[i - 1]) || s[i - 1] == "余" || s[i - 1] == "多" {
            for u in units where NumberScanner.matches(s, i, u) && i + u.unicodeScalars.count < start {
                i += u.unicodeScalars.count
                break
            }
        }
        return i
    }

    /// Units of the number before the label, which the label must not start with.
    static let units = ["万元", "亿元", "元", "%", "人次", "批次", "人", "名", "次", "户", "个", "件", "项", "条", "份", "宗", "家", "辆", "台"]

    static let leading = ["其中:", "其中", "主要用于", "比", "较", "与", "即", "占", "包括", "分别为", "全部为"]
    static let trailing = ["为", "是", "达到", "共计", "了", "的", "合计为", "累计为", "等于", "总计为"]

    /// The label text of [a, b), cleaned.
    static func clean(_ raw: String) -> String {
        var t = raw.trimmingCharacters(in: .whitespaces)
        // "2020年预算收入" → "预算收入", also when the digits were cut off before ("年预算收入", "xx年度…").
        var k = t.startIndex
        while k < t.endIndex, t[k].isNumber || t[k] == "x" || t[k] == "X" || t[k] == "×" { k = t.index(after: k) }
        if k < t.endIndex, t[k] == "年", (2...4).contains(t.distance(from: t.startIndex, to: k)) {
            var rest = t[t.index(after: k)...]
            if rest.hasPrefix("度") { rest = rest.dropFirst() }
            if rest.count >= 2 { t = String(rest) }
        }
        var changed = true
        while changed {
            changed = false
            if t.hasPrefix("的") && t.count > 2 { t.removeFirst(); changed = true }
            for w in leading where t.hasPrefix(w) && t.count > w.count {
                t = String(t.dropFirst(w.count)).trimmingCharacters(in: .whitespaces)
                changed = true
            }
            for w in trailing where t.hasSuffix(w) && t.count > w.count {
                t = String(t.dropLast(w.count)).trimmingCharacters(in: .whitespaces)
                changed = true
            }
        }
        return t
    }
}
