import FuheCore

/// The report's unit, year, evaluation type, basis documents and date.
enum HeaderExtractor {
    static func year(_ c: ReportContext, title: String) -> DraftValue {
        // The year of "…2020年度…" in the title, else in the first lines, else the most frequent one
        // before words that name the evaluation.
        let candidates = yearMentions(c)
        let titleStart = c.textLines.first?.start ?? c.start
        let inTitle = candidates.first { $0.offset < titleStart + 200 && $0.annual }
        let counted = Dictionary(grouping: candidates.filter(\.annual), by: \.text).max { $0.value.count < $1.value.count }?.value.first
        guard let pick = inTitle ?? counted ?? candidates.first else {
            return DraftValue(note: "报告未写明评价年度")
        }
        let span = c.span(pick.offset, pick.offset + pick.text.unicodeScalars.count)
        if pick.hidden {
            return DraftValue(value: nil, printed: pick.text, note: "原文为“\(pick.text)”，年度被隐去，未推测年度", spans: [span])
        }
        return DraftValue(value: pick.text, spans: [span])
    }

    struct YearMention {
        var offset: Int
        var text: String
        var hidden: Bool
        /// Followed by 年度.
        var annual: Bool
    }

    static func yearMentions(_ c: ReportContext) -> [YearMention] {
        var out: [YearMention] = []
        let s = c.w.scalars
        var i = c.start
        while i + 4 < c.end {
            if s[i] == "2", s[i + 1] == "0", i == 0 || !NumberScanner.isDigit(s[i - 1]) {
                let a = s[i + 2], b = s[i + 3]
                let digits = NumberScanner.isDigit(a) && NumberScanner.isDigit(b)
                let hidden = "xX*×".unicodeScalars.contains(a) && "xX*×".unicodeScalars.contains(b)
                if (digits || hidden), s[i + 4] == "年" {
                    let annual = i + 5 < s.count && s[i + 5] == "度"
                    let text = c.text(i, i + 4)
                    let y = Int(text) ?? 0
                    if hidden || (1990...2100).contains(y) {
                        out.append(YearMention(offset: i, text: text, hidden: hidden, annual: annual))
                    }
                    i += 5
                    continue
                }
            }
            i += 1
        }
        return out
    }

    static func evalType(_ c: ReportContext, title: String) -> DraftValue {
        let rules: [(String, EvalType)] = [("部门整体支出", .deptOverall), ("整体支出", .deptOverall), ("整体绩效", .deptOverall),
                                           ("专项扶贫资金", .specialFund), ("专项资金绩效", .specialFund), ("项目支出", .project),
                                           ("项目绩效", .project)]
        // The earliest of these words in the title and the report's opening.
        var best: (Int, String, EvalType)?
        let headEnd = min(c.end, c.start + 600)
        for (word, type) in rules {
            if let at = c.occurrences(of: word, in: c.start, headEnd).first, best == nil || at < best!.0 { best = (at, word, type) }
        }
        if let (at, word, type) = best {
            return DraftValue(value: type.rawValue, note: "据“\(word)”", spans: [c.span(at, at + word.unicodeScalars.count)])
        }
        let all = c.text(c.start, c.end)
        let dept = count(all, "整体支出") + count(all, "部门整体")
        let project = count(all, "项目支出") + count(all, "项目资金") + count(all, "项目建设")
        let fund = count(all, "专项资金") + count(all, "扶贫资金")
        let counted = [(dept, EvalType.deptOverall, "整体支出"), (project, .project, "项目"), (fund, .specialFund, "专项资金")].max { $0.0 < $1.0 }!
        guard counted.0 > 0 else { return DraftValue(note: "未能判断评价类型") }
        return DraftValue(value: counted.1.rawValue, note: "据全文“\(counted.2)”出现\(counted.0)次")
    }

    static func count(_ text: String, _ word: String) -> Int { text.components(separatedBy: word).count - 1 }

    /// "绥财绩[2021]6号", with the 《title》 printed next to it.
    static func basisDocs(_ c: ReportContext) -> [DraftText] {
        var out: [DraftText] = []
        var seen = Set<String>()
        let s = c.w.scalars
        for open in c.occurrences(of: "[") {
            guard open + 6 < c.end else { continue }
            let yearText = c.text(open + 1, open + 5)
            guard Int(yearText) != nil || yearText.lowercased() == "20xx", s[open + 5] == "]" else { continue }
            var k = open + 6
            while k < c.end, NumberScanner.isDigit(s[k]), k - open < 10 { k += 1 }
            guard k > open + 6, k < c.end, s[k] == "号" else { continue }
            var a = open
            while a > c.start, open - a < 8, HanFold.isHan(s[a - 1]) { a -= 1 }
            for lead in ["根据", "按照", "依据", "依照", "关于", "及", "和", "与"] where c.text(a, open).hasPrefix(lead) && open - a - lead.count >= 2 {
                a += lead.unicodeScalars.count
                break
            }
            guard open - a >= 2 else { continue }
            let number = c.text(a, k + 1)
            guard seen.insert(number).inserted else { continue }
            var text = number
            var b = k + 1
            if b < c.end, s[b] == "《", let close = closing(s, from: b, limit: c.end) {
                text += c.text(b, close + 1)
                b = close + 1
            } else if a >= 2, s[a - 1] == "(" || s[a - 1] == "》", let t = titleBefore(s, a - 1, floor: c.start) {
                text = c.text(t.0, t.1) + "（\(number)）"
                a = t.0
            }
            out.append(DraftText(id: "basis.\(out.count + 1)", text: text, spans: [c.span(a, b)]))
        }
        return out
    }

    static func closing(_ s: [Unicode.Scalar], from i: Int, limit: Int) -> Int? {
        var k = i
        while k < limit, k - i < 120 {
            if s[k] == "》" { return k }
            k += 1
        }
        return nil
    }

    /// The 《…》 ending at or just before `i` ("《…》(德办字[2018]45号)").
    static func titleBefore(_ s: [Unicode.Scalar], _ i: Int, floor: Int) -> (Int, Int)? {
        var close = i
        if s[close] != "》" { close -= 1 }
        guard close > floor, s[close] == "》" else { return nil }
        var k = close
        while k > floor, close - k < 120 {
            if s[k] == "《" { return (k, close + 1) }
            k -= 1
        }
        return nil
    }

    /// The date the report was signed: "报告日期:2018年8月06日", or a date line at the end
    /// ("2021420" is read as 2021-04-20 when only one reading is a date).
    static func reportDate(_ c: ReportContext) -> DraftValue {
        for at in c.occurrences(of: "报告日期") {
            if let d = date(c, from: at + 4, limit: min(c.end, at + 30)) { return d }
        }
        for line in c.textLines.suffix(6).reversed() {
            if let d = date(c, from: line.start, limit: line.end, wholeLine: true) { return d }
        }
        return DraftValue(note: "报告未写明日期")
    }

    static func date(_ c: ReportContext, from a: Int, limit: Int, wholeLine: Bool = false) -> DraftValue? {
        let s = c.w.scalars
        var i = a
        while i < limit, !NumberScanner.isDigit(s[i]) { i += 1 }
        var j = i
        while j < limit, NumberScanner.isDigit(s[j]) { j += 1 }
        guard j > i else { return nil }
        let head = c.text(i, j)
        if j - i == 4, j < limit, s[j] == "年" || s[j] == "-" || s[j] == "." || s[j] == "/" {
            var k = j + 1
            var m = 0, d = 0, digitsM = 0, digitsD = 0
            while k < limit, NumberScanner.isDigit(s[k]), digitsM < 2 { m = m * 10 + Int(s[k].value - 48); k += 1; digitsM += 1 }
            guard digitsM > 0, k < limit, s[k] == "月" || s[k] == "-" || s[k] == "." || s[k] == "/" else { return nil }
            k += 1
            while k < limit, NumberScanner.isDigit(s[k]), digitsD < 2 { d = d * 10 + Int(s[k].value - 48); k += 1; digitsD += 1 }
            guard digitsD > 0 else { return nil }
            if k < limit, s[k] == "日" { k += 1 }
            if wholeLine, c.text(k, limit).contains(where: { $0.isNumber }) { return nil }
            guard let day = CalendarDay(String(format: "%@-%02d-%02d", head, m, d)) else { return nil }
            let printed = c.text(i, k)
            return DraftValue(value: day.description, printed: printed == day.description ? nil : printed, spans: [c.span(i, k)])
        }
        // "2021420": a whole line of 6–8 digits read as year, month, day when exactly one split is a date.
        guard wholeLine, (6...8).contains(j - i), c.text(j, limit).trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let year = String(head.prefix(4)), rest = Array(head.dropFirst(4))
        var readings: [CalendarDay] = []
        for split in 1..<rest.count {
            let m = Int(String(rest[..<split])) ?? 0, d = Int(String(rest[split...])) ?? 0
            if split > 2 || rest.count - split > 2 { continue }
            if let day = CalendarDay(String(format: "%@-%02d-%02d", year, m, d)) { readings.append(day) }
        }
        guard readings.count == 1 else { return nil }
        return DraftValue(value: readings[0].description, printed: head,
                          note: "原文为“\(head)”，读作\(readings[0].description)", spans: [c.span(i, j)])
    }
}
