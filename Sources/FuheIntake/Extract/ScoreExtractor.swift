import Foundation
import FuheCore

/// Scores, weights, totals and the grade as the report states them, with the structure the
/// text gives them (a heading's score and the scores listed under it).
struct ScoredItem {
    var label: String
    var score: NumberToken?
    var weight: NumberToken?
    /// Working range of the clause.
    var start: Int
    var end: Int
    /// Nesting: heading level of the line (0…5), 6 for a plain line's first clause, 7 for later clauses.
    var level: Double
    var parent: Int?
    var line: Int
}

struct ScoreReading {
    var items: [ScoredItem] = []
    /// Stated totals: (number, clause start).
    var totals: [(NumberToken, Int)] = []
    var grade: DraftValue = DraftValue()
    var checks: [DraftCheck] = []
}

enum ScoreExtractor {
    static let totalHeads = ["综合", "自评", "评价", "总", "最终"]
    static let totalWords = ["评分表", "分值表", "指标体系", "评分标准", "总分", "综合得分"]

    static func read(_ c: ReportContext, tables: TableReading) -> ScoreReading {
        var r = ScoreReading()
        let s = c.w.scalars
        var lastLine = -1
        var lineHead: Double = 6
        for t in c.numbers where t.unit == "分" {
            guard let line = c.line(at: t.start), line.kind == .text else { continue }
            let before = c.text(max(line.start, t.start - 3), t.start)
            let after = c.text(t.unitEnd, min(c.end, t.unitEnd + 1))
            if before.hasSuffix("扣") || before.hasSuffix("减") || before.hasSuffix("加") || after == "值" { continue }
            let isScore = before.hasSuffix("得") || before.hasSuffix("得分") || before.hasSuffix("得分为") || before.hasSuffix("得分:")
                || before.hasSuffix("自评") || before.hasSuffix("评分为")
            let clauseStart = clause(c, before: t.start, line: line)
            var verb = t.start
            while verb > clauseStart, "得分为:自评".unicodeScalars.contains(s[verb - 1]) { verb -= 1 }
            let raw = c.text(clauseStart, verb)
            let full = c.text(clauseStart, t.start)
            // "一、资金投入(10分)。……自评得分10分": under an indicator heading the generic 自评得分
            // is that indicator's score.
            if isScore, isTotal(raw, full), line.marker != nil, !totalWords.contains(where: { raw.contains($0) }),
               let i = r.items.lastIndex(where: { $0.line == line.index && $0.score == nil && $0.weight != nil }) {
                r.items[i].score = t
                r.items[i].end = t.unitEnd
                continue
            }
            if isScore, isTotal(raw, full) {
                r.totals.append((t, clauseStart))
                continue
            }
            let weightInline = !isScore && (before.hasSuffix("(") || before.hasSuffix("满分") || before.hasSuffix("分值") || before.hasSuffix("权重"))
            let headingWeight = !isScore && line.marker != nil && clauseStart == (line.marker?.end ?? -1) && t.unitEnd >= line.end - 1
            guard isScore || weightInline || headingWeight else { continue }
            let label = indicatorLabel(raw)
            guard label.unicodeScalars.filter({ HanFold.isHan($0) }).count >= 2 else { continue }
            // A weight printed in the same clause as the score: "资金投入(10分)…得10分".
            if isScore, let i = r.items.lastIndex(where: { $0.start == clauseStart && $0.score == nil }) {
                r.items[i].score = t
                r.items[i].end = t.unitEnd
                continue
            }
            let level: Double
            if line.index != lastLine {
                lastLine = line.index
                lineHead = line.marker.map { Double($0.level.rawValue) } ?? 6
                level = lineHead
            } else {
                level = lineHead + 0.5
            }
            var item = ScoredItem(label: label, score: isScore ? t : nil, weight: isScore ? nil : t, start: clauseStart,
                                  end: t.unitEnd, level: level, parent: nil, line: line.index)
            item.parent = parent(of: level, in: r.items)
            r.items.append(item)
        }
        r.grade = grade(c, tables: tables)
        for pair in tables.pairs where pair.label.contains("综合得分") || pair.label.contains("自评得分") {
            if pair.value.isEmpty { r.grade.note = (r.grade.note.map { $0 + "；" } ?? "") + "“\(pair.label)”一栏为空" }
        }
        return r
    }

    /// The nearest earlier item on the chain of open items whose level is lower.
    static func parent(of level: Double, in items: [ScoredItem]) -> Int? {
        var k = items.count - 1
        while k >= 0 {
            if items[k].level < level { return k }
            // Skip over the finished subtree of an item at the same or deeper level.
            k = items[k].parent ?? -1
        }
        return nil
    }

    /// Back to the clause's start: "。", ";", a line start, a list marker, "其中:", a circled number.
    static func clause(_ c: ReportContext, before i: Int, line: TextLine) -> Int {
        let s = c.w.scalars
        let floor = line.marker?.end ?? line.start
        var a = i
        while a > floor, i - a < 200 {
            let p = s[a - 1]
            if p == "。" || p == ";" || (0x2460...0x2473).contains(p.value) { break }
            if a - floor >= 3, c.text(a - 3, a) == "其中:" { break }
            a -= 1
        }
        while a < i, s[a] == " " { a += 1 }
        return a
    }

    static let totalPhrases = ["自评得分", "综合得分", "总得分", "总分", "评价得分", "最终得分", "综合评分", "自评分"]

    /// Whether a stated score is a total: the words before it say so ("自评综合得分", "评价得分为",
    /// "按评分表…得分"), or nothing names an indicator.
    static func isTotal(_ raw: String, _ full: String) -> Bool {
        if totalWords.contains(where: { raw.contains($0) }) { return true }
        var tail = full.trimmingCharacters(in: CharacterSet(charactersIn: " :为是"))
        if tail.hasSuffix("得") { tail.removeLast() }
        if totalPhrases.contains(where: { tail.hasSuffix($0) }) { return true }
        let trimmed = raw.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        if trimmed.isEmpty { return true }
        let head = String(trimmed.suffix(8))
        return totalHeads.contains { head.hasSuffix($0) || head.hasSuffix($0 + "得分") }
    }

    /// "在职人员控制率:在职4人/…" → "在职人员控制率"; "指标1:受理办理业务≥3000人次," → "受理办理业务≥3000人次".
    static func indicatorLabel(_ raw: String) -> String {
        var t = raw.trimmingCharacters(in: CharacterSet(charactersIn: " ,:"))
        if t.hasPrefix("其中:") { t = String(t.dropFirst(3)) }
        if let colon = t.firstIndex(of: ":") {
            let head = String(t[..<colon])
            let rest = String(t[t.index(after: colon)...])
            if head.hasPrefix("指标"), head.dropFirst(2).allSatisfy(\.isNumber) { t = rest }
            else if head.unicodeScalars.filter({ HanFold.isHan($0) }).count >= 2 { t = head }
        }
        if let paren = t.firstIndex(of: "("), t[paren...].contains("分") { t = String(t[..<paren]) }
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: " ,:"))
        return String(t.prefix(40))
    }

    static let grades = ["优秀", "优良", "良好", "不合格", "合格", "中等", "优", "良", "中", "差"]

    /// 评价等次 as printed: "评价为优", "等次为“良”", a form's 评价等次 cell; a blank grade ("财政支出绩效为”")
    /// is noted, never filled in.
    static func grade(_ c: ReportContext, tables: TableReading) -> DraftValue {
        let s = c.w.scalars
        for key in ["评价等次", "自评等次", "评价等级", "自评等级", "绩效等级", "评价结果", "评价结论", "评定为", "评价为", "等次为", "绩效为"] {
            for at in c.occurrences(of: key) {
                let context = c.text(max(c.start, at - 4), at)
                if context.contains("考核") { continue }
                var k = at + key.unicodeScalars.count
                while k < c.end, k - at < key.count + 4, " :为是“\"'".unicodeScalars.contains(s[k]) { k += 1 }
                if let g = grades.first(where: { c.has($0, at: k) }) {
                    let len = g.unicodeScalars.count
                    let ends = k + len >= c.end || "。,;”\" \n|".unicodeScalars.contains(s[k + len])
                    if (len == 1 || key == "评价结果" || key == "评价结论"), !ends { continue }
                    return DraftValue(value: g, spans: [c.span(k, k + len)])
                }
                if key == "绩效为" || key == "评价等次" || key == "评价为" {
                    let rest = c.text(at + key.unicodeScalars.count, min(c.end, at + key.unicodeScalars.count + 3))
                    if rest.hasPrefix("”") || rest.hasPrefix("\"") || rest.hasPrefix("。") || rest.hasPrefix(" |") || rest.isEmpty {
                        let shown = c.text(max(c.start, at - 4), at + key.unicodeScalars.count).filter { !$0.isNewline && $0 != "|" }
                        return DraftValue(note: "原文“\(shown.trimmingCharacters(in: .whitespaces))”处未写等次",
                                          spans: [c.span(at, min(c.end, at + key.unicodeScalars.count + 1))])
                    }
                }
            }
        }
        for pair in tables.pairs where pair.label.contains("等次") || pair.label.contains("等级") {
            if let g = grades.first(where: { pair.value.hasPrefix($0) }) {
                return DraftValue(value: g, spans: [c.span(pair.start, pair.end)])
            }
            if pair.value.isEmpty { return DraftValue(note: "“\(pair.label)”一栏为空", spans: [c.span(pair.start, pair.start + 1)]) }
        }
        return DraftValue(note: "报告未写明评价等次")
    }
}
