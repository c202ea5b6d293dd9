import Foundation
import FuheCore

/// "N万元，其中A、B、C": the amounts listed after 其中 (or 主要用于, 分别为, 具体为) up to the end of
/// the sentence, against the amount printed just before it. Amounts that compare (比…, 较…,
/// 增加, 减少) or sit in brackets are not parts.
enum SumChecks {
    static let openers = ["其中", "主要用于", "分别为", "具体为"]
    static let comparing = ["比", "较", "增加", "减少", "相差", "节约", "超支", "上升", "下降", "增长"]

    static func checks(_ c: ReportContext) -> [DraftCheck] {
        var out: [DraftCheck] = []
        let s = c.w.scalars
        for opener in openers {
            for at in c.occurrences(of: opener) {
                // The total: the last amount before the opener, with only punctuation between.
                let (sa, sb) = c.sentence(at: at)
                guard let total = c.numbers(in: max(sa, at - 40), at).last, total.isMoney, at - total.unitEnd <= 3,
                      c.text(total.unitEnd, at).allSatisfy({ ",: ".contains($0) }) else { continue }
                var parts: [(String, String, Decimal, [SourceSpan])] = []
                var cursor = at + opener.unicodeScalars.count
                for n in c.numbers(in: cursor, sb) {
                    // A nested 其中 starts its own check.
                    if !c.occurrences(of: "其中", in: cursor, n.start).isEmpty { break }
                    guard n.isMoney, n.unit == total.unit else { continue }
                    let a = Labels.labelStart(s, before: n.start, floor: cursor)
                    let raw = c.text(a, n.start)
                    if comparing.contains(where: { raw.contains($0) }) || inBrackets(s, n.start, floor: at) { cursor = n.unitEnd; continue }
                    parts.append((Labels.clean(raw), n.text, n.value, [c.span(n.start, n.unitEnd)]))
                    cursor = n.unitEnd
                }
                guard parts.count >= 2 else { continue }
                let la = Labels.labelStart(s, before: total.start, floor: sa)
                let label = Labels.clean(c.text(la, total.start))
                out.append(CheckMaker.sum(label: label.isEmpty ? "合计" : label,
                                          stated: (total.text, total.value, [c.span(total.start, total.unitEnd)]),
                                          parts: parts, unit: total.unit))
            }
        }
        return out
    }

    static func inBrackets(_ s: [Unicode.Scalar], _ i: Int, floor: Int) -> Bool {
        var k = i - 1
        while k >= floor {
            if s[k] == ")" { return false }
            if s[k] == "(" { return true }
            k -= 1
        }
        return false
    }
}
