import Foundation
import FuheCore

/// 存在问题 and 整改措施/建议 as two lists: from sections whose headings say so (a heading that
/// names both, or 经验 and 问题, is split by its sub-headings and by whether each item reads as a
/// shortcoming), and from sentences that announce them ("还存在一些困难和问题:一是…二是…").
enum ListExtractor {
    static let problemWords = ["问题", "不足", "困难"]
    static let measureWords = ["措施", "建议", "对策", "努力方向", "工作计划", "下一步", "打算", "整改方向", "改进"]
    static let excluded = ["其他需要说明", "其他说明", "需要说明的"]
    static let negativeCues = ["不够", "不足", "有待", "滞后", "不完善", "不强", "压力", "难", "缺", "未", "问题", "矛盾", "偏差", "薄弱",
                               "不规范", "不稳定", "繁杂", "欠缺", "进一步", "尚未", "不到位", "不明确", "不高", "不多", "较少"]

    enum Role { case problem, measure, mixed, other }

    struct Item {
        var text: String
        var start: Int
        var end: Int
    }

    static let excludedWords = Words(excluded)
    static let problemSet = Words(problemWords)
    static let measureSet = Words(measureWords)
    static let experienceSet = Words(["经验", "做法"])

    static func role(_ title: String) -> Role {
        let s = Array(title.unicodeScalars)
        if excludedWords.any(in: s, 0, s.count) { return .other }
        let p = problemSet.any(in: s, 0, s.count)
        let m = measureSet.any(in: s, 0, s.count)
        let experience = experienceSet.any(in: s, 0, s.count)
        switch (p, m) {
        case (true, true): return .mixed
        case (true, false): return experience ? .mixed : .problem
        case (false, true): return .measure
        default: return .other
        }
    }

    static func read(_ c: ReportContext) -> (problems: [Item], measures: [Item]) {
        var problems: [Item] = [], measures: [Item] = []
        var covered: [(Int, Int)] = []
        let heads = c.headings
        var k = 0
        while k < heads.count {
            let h = heads[k]
            let r = role(h.title)
            guard r != .other, h.level <= .item else { k += 1; continue }
            // The section: up to the next heading at the same or a higher level.
            var e = k + 1
            while e < heads.count, heads[e].level > h.level { e += 1 }
            let sectionEnd = e < heads.count ? heads[e].line.start : c.end
            let children = Array(heads[(k + 1)..<e])
            collect(c, role: r, bodyStart: titleEnd(c, h), end: sectionEnd, children: children, problems: &problems, measures: &measures)
            covered.append((h.line.start, sectionEnd))
            k = e
        }
        inline(c, covered: covered, problems: &problems)
        return (problems, measures)
    }

    /// Where a heading's own title ends (its body may follow on the same line).
    static func titleEnd(_ c: ReportContext, _ h: ReportContext.Heading) -> Int {
        let a = h.line.marker?.end ?? h.line.start
        return min(h.line.end, a + h.title.unicodeScalars.count)
    }

    static func collect(_ c: ReportContext, role: Role, bodyStart: Int, end: Int, children: [ReportContext.Heading],
                        problems: inout [Item], measures: inout [Item]) {
        func add(_ items: [Item], _ r: Role) {
            for item in items {
                switch r {
                case .problem: problems.append(item)
                case .measure: measures.append(item)
                case .mixed: if isShortcoming(item.text) { problems.append(item) }
                case .other: break
                }
            }
        }
        let bodyEnd = children.first?.line.start ?? end
        add(enumerated(c, bodyStart, bodyEnd), role)
        guard !children.isEmpty else { return }
        let top = children.map(\.level).min()!
        var i = 0
        while i < children.count {
            let child = children[i]
            guard child.level == top else { i += 1; continue }
            var j = i + 1
            while j < children.count, children[j].level > top { j += 1 }
            let childEnd = j < children.count ? children[j].line.start : end
            let own = ListExtractor.role(child.title)
            let childRole: Role = own == .other || own == .mixed ? (role == .mixed ? .mixed : role) : own
            let grand = Array(children[(i + 1)..<j])
            if grand.isEmpty {
                // A leaf item is its own line; a sub-heading listing 一是、二是… gives those items.
                let lineEnd = trimEnd(c, min(child.line.end, childEnd))
                let inner = enumerated(c, titleEnd(c, child), lineEnd)
                if own != .other, inner.count >= 2 {
                    add(inner, childRole)
                } else {
                    let text = clean(c.text(child.line.marker?.end ?? child.line.start, lineEnd))
                    if !(own != .other && text == child.title) {
                        add([Item(text: text, start: child.line.start, end: lineEnd)], childRole)
                    }
                }
            } else {
                collect(c, role: childRole, bodyStart: titleEnd(c, child), end: childEnd, children: grand, problems: &problems, measures: &measures)
            }
            i = j
        }
    }

    static func trimEnd(_ c: ReportContext, _ e: Int) -> Int {
        var e = e
        while e > c.start, " \n".unicodeScalars.contains(c.w.scalars[e - 1]) { e -= 1 }
        return e
    }

    /// Whether an item under a heading that mixes experience and problems reads as a shortcoming:
    /// its first sentence (its title) says so.
    static func isShortcoming(_ text: String) -> Bool {
        let first = text.split(separator: "。", maxSplits: 1).first.map(String.init) ?? text
        return negativeCues.contains { first.contains($0) }
    }

    /// The items of a stretch of text: split at 一是/二是…, ①②…, (1)(2)…, else the stretch itself
    /// when it says something ("无" and empty stretches give none).
    static func enumerated(_ c: ReportContext, _ a: Int, _ b: Int) -> [Item] {
        var start = a
        let s = c.w.scalars
        while start < b, " 。:,;\n".unicodeScalars.contains(s[start]) { start += 1 }
        let end = trimEnd(c, b)
        guard start < end else { return [] }
        let marks = markers(c, start, end)
        if marks.count >= 2 {
            var out: [Item] = []
            for (n, m) in marks.enumerated() {
                let e = n + 1 < marks.count ? marks[n + 1].0 : sentenceEnd(c, m.1, end)
                let text = clean(c.text(m.1, e))
                if !text.isEmpty { out.append(Item(text: text, start: m.0, end: e)) }
            }
            return out
        }
        let text = clean(c.text(start, end))
        if text.isEmpty || text == "无" || text.count < 4 { return [] }
        return [Item(text: text, start: start, end: end)]
    }

    /// The end of the sentence the last item is in ("…四是…等。今后…" ends at "。").
    static func sentenceEnd(_ c: ReportContext, _ from: Int, _ limit: Int) -> Int {
        var k = from
        while k < limit, c.w.scalars[k] != "。", c.w.scalars[k] != "\n" { k += 1 }
        return k
    }

    static let ordinals = ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"]

    /// Enumeration markers in order (1, 2, 3 …): (marker start, text start).
    static func markers(_ c: ReportContext, _ a: Int, _ b: Int) -> [(Int, Int)] {
        let s = c.w.scalars
        // 一是、二是 …
        var out: [(Int, Int)] = []
        var next = 0
        var i = a
        while i < b, next < ordinals.count {
            if c.has(ordinals[next], at: i) { out.append((i, i + 2)); next += 1; i += 2; continue }
            i += 1
        }
        if out.count >= 2 { return out }
        // ①②… and (1)(2)… and 1.2.… anywhere in the stretch, numbered from 1.
        out = []
        next = 1
        i = a
        while i < b {
            let atBoundary = i == a || " 。;:,\n".unicodeScalars.contains(s[i - 1])
            if let m = Outline.marker(s, at: i), m.number == next, atBoundary || m.level == .circled, m.level >= .item {
                out.append((i, m.end))
                next += 1
                i = m.end
                continue
            }
            i += 1
        }
        return out.count >= 2 ? out : []
    }

    static func clean(_ raw: String) -> String {
        var t = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \n;,。:"))
        if t.hasSuffix("等") && t.count > 6 { t.removeLast() }
        return t
    }

    static let cues = ["存在一些困难和问题", "存在的困难和问题", "存在以下问题", "存在的问题", "存在一些问题", "存在问题", "亟待改进和提高的地方",
                       "不足之处", "存在的不足", "存在不足", "薄弱环节"]

    /// "还存在一些困难和问题:一是…二是…" outside the problem sections.
    static func inline(_ c: ReportContext, covered: [(Int, Int)], problems: inout [Item]) {
        var used = Set<Int>()
        for cue in cues {
            for at in c.occurrences(of: cue) where !covered.contains(where: { at >= $0.0 && at < $0.1 }) && !used.contains(at) {
                let from = at + cue.unicodeScalars.count
                let limit = min(c.line(at: at)?.end ?? c.end, c.end, from + 3000)
                let marks = markers(c, from, limit)
                guard let first = marks.first, first.0 - from <= 6 else { continue }
                used.insert(at)
                for (n, m) in marks.enumerated() {
                    let e = n + 1 < marks.count ? marks[n + 1].0 : sentenceEnd(c, m.1, limit)
                    let text = clean(c.text(m.1, e))
                    if !text.isEmpty { problems.append(Item(text: text, start: m.0, end: e)) }
                }
            }
        }
    }
}
