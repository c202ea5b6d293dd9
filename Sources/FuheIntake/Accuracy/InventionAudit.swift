import Foundation
import FuheCore

/// "Never invent": every value a draft proposes must be printed at the place it names. Compares
/// after the same folding the reader applies (traditional → simplified, full-width → ASCII,
/// pinyin residue dropped, spaces and line breaks ignored).
public enum InventionAudit {
    /// Descriptions of the values whose place does not print them (empty when none is invented).
    public static func audit(_ d: IntakeDraft) -> [String] {
        var out: [String] = []
        func check(_ what: String, _ value: String?, _ spans: [SourceSpan]) {
            guard let value, !value.isEmpty else { return }
            guard !spans.isEmpty else { out.append("\(what)“\(value)”没有出处"); return }
            let text = normalize(spans.map { d.source.passage($0) }.joined())
            if !text.contains(normalize(value)) { out.append("\(what)“\(value)”不在其出处“\(text.prefix(30))”") }
        }
        check("单位", d.unit.value, d.unit.spans)
        check("年度", d.year.value, d.year.spans)
        check("等次", d.grade.value, d.grade.spans)
        check("报告日期", d.reportDate.printed ?? d.reportDate.value, d.reportDate.spans)
        for t in d.totals { check("总分", t.value, t.spans) }
        for i in d.indicators {
            check("自评分", i.score, i.spans)
            check("分值", i.weight, i.spans)
        }
        for f in d.figures { check("数字", f.value, f.spans) }
        for b in d.basisDocs {
            let number = b.text.firstIndex(of: "号").map { String(b.text[...$0]) } ?? b.text
            check("依据文件", String(number.split(separator: "》").last ?? Substring(number)).replacingOccurrences(of: "（", with: ""), b.spans)
        }
        return out
    }

    /// Folding for comparisons.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let folded = HanFold.fold(text)
        var scalars = Array(folded.unicodeScalars)
        // Pinyin residue "(qū)" after a Han character.
        var i = 0
        var kept: [Unicode.Scalar] = []
        while i < scalars.count {
            if scalars[i] == "(" || scalars[i] == "（", i > 0, HanFold.isHan(scalars[i - 1]),
               let close = scalars[(i + 1)...].prefix(9).firstIndex(where: { $0 == ")" || $0 == "）" }),
               scalars[(i + 1)..<close].contains(where: { Cleaner.toneMarked.contains($0.value) }) {
                i = close + 1
                continue
            }
            kept.append(scalars[i])
            i += 1
        }
        scalars = kept
        for s in scalars {
            let v = s.value
            if v == 0x20 || v == 0x0A || v == 0x3000 || v == 0x09 || v == 0xA0 { continue }
            if (0xFF01...0xFF5E).contains(v), let a = Unicode.Scalar(v - 0xFEE0) { out.append(a); continue }
            switch v {
            case 0x3014, 0x3010, 0xFE5D: out.append("[")
            case 0x3015, 0x3011, 0xFE5E: out.append("]")
            default: out.append(s)
            }
        }
        return String(out)
    }
}
