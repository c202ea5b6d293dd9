import FuheCore

/// The evaluated unit: organisation names printed in the report (a place name followed by an
/// organisation word), scored by where they appear — the form's 单位名称 field, the title, the
/// signature, "X是…单位", the way the report calls itself ("我中心", "本局") — and against issuers
/// (财政局) and titles of documents. A name without a place in it is never proposed.
enum UnitExtractor {
    static let suffixes = ["人民政府办公室", "人民政府", "政务服务中心", "行政服务中心", "服务中心", "管理委员会", "管委会", "办公室",
                           "委员会", "卫生院", "医院", "学校", "中心", "街道办事处", "局", "院", "所", "站", "队", "镇", "乡", "公司"]
    static let stops = ["年度", "年", "的", "和", "与", "及", "在", "对", "由", "为", "是", "我", "本", "根据", "关于", "将", "了",
                        "向", "按照", "通过", "全面", "积极", "省级", "市级", "县级", "组织", "协调", "负责", "监督"]
    static let regionChars: Set<Character> = ["省", "市", "县", "区", "镇", "乡", "州", "旗", "村"]
    static let continuing: Set<Unicode.Scalar> = ["办", "厅", "室", "局", "处", "科", "股", "部", "会", "大", "系", "平", "网", "长", "主", "门"]

    struct Candidate {
        var name: String
        var score = 0
        var spans: [SourceSpan] = []
    }

    static func unit(_ c: ReportContext, title: String, titleLine: TextLine?) -> DraftValue {
        var found: [String: Candidate] = [:]
        let s = c.w.scalars
        for suffix in suffixes {
            for at in c.occurrences(of: suffix) {
                let end = at + suffix.unicodeScalars.count
                if end < c.end, continuing.contains(s[end]) || c.has("人民", at: end) || c.has("政府", at: end) || c.has("党委", at: end) { continue }
                guard let (a, name) = name(c, endingAt: end) else { continue }
                var cand = found[name] ?? Candidate(name: name)
                if cand.spans.count < 12 { cand.spans.append(c.span(a, end)) }
                cand.score += cand.spans.count <= 3 ? 1 : 0
                if insideTitleMarks(s, a, floor: c.start) { cand.score -= 3 }
                if let line = c.line(at: a) {
                    if let titleLine, line.index == titleLine.index, !c.isCompilationPart { cand.score += 5 }
                    if line.text == name || line.text == name + "(盖章)" { cand.score += 4 }
                    let before = c.text(max(line.start, a - 12), a)
                    if before.hasSuffix("名称") || before.hasSuffix("单位名称:") || before.hasSuffix("名称 ") || before.hasSuffix("被评价单位:") { cand.score += 10 }
                    if before.hasSuffix("方为") || before.hasSuffix("单位为") { cand.score += 3 }
                    if before.hasSuffix("年度") && Words.find(Array("报告".unicodeScalars), in: s, end, min(c.end, end + 14)) != nil { cand.score += 4 }
                }
                let after = c.text(end, min(c.end, end + 3))
                if after.hasPrefix("是") || after.hasPrefix("为区") || after.hasPrefix("为县") || after.hasPrefix("为市") { cand.score += 4 }
                found[name] = cand
            }
        }
        // "我中心", "本局": names ending with what the report calls itself.
        for (selfWord, suffix) in [("我中心", "中心"), ("本中心", "中心"), ("我局", "局"), ("本局", "局"), ("我镇", "镇"), ("我办", "办公室"),
                                   ("我管委会", "管委会"), ("我院", "院"), ("我所", "所")] {
            let n = min(c.occurrences(of: selfWord).count, 3)
            guard n > 0 else { continue }
            for key in found.keys where found[key]!.name.hasSuffix(suffix) { found[key]!.score += 2 * n }
        }
        for key in found.keys {
            let name = found[key]!.name
            if name.contains("财政") || name.contains("编制委员会") || name.contains("人民代表大会") || name.contains("纪委") { found[key]!.score -= 6 }
        }
        guard let best = found.values.max(by: { ($0.score, $0.name.count) < ($1.score, $1.name.count) }), best.score >= 2 else {
            return DraftValue(note: "报告未写明单位全称")
        }
        return DraftValue(value: best.name, spans: Array(best.spans.prefix(3)))
    }

    static let stopWords = stops.map { Array($0.unicodeScalars) }
    static let suffixScalars = suffixes.map { Array($0.unicodeScalars) }
    static let regionScalars: Set<Unicode.Scalar> = ["省", "市", "县", "区", "镇", "乡", "州", "旗", "村"]

    /// The name ending at `end`: Han characters back to punctuation or a stop word, with a place in it.
    static func name(_ c: ReportContext, endingAt end: Int) -> (Int, String)? {
        let s = c.w.scalars
        var a = end
        while a > c.start, end - a < 22 {
            let p = s[a - 1]
            guard HanFold.isHan(p) || p == "(" || p == ")" else { break }
            a -= 1
        }
        // Cut after the last stop word ("…年度霞山区…" → "霞山区…").
        var p = end - 1
        search: while p > a {
            for w in stopWords where p - w.count + 1 >= a && p < end - 1 {
                var k = 0
                while k < w.count, s[p - w.count + 1 + k] == w[k] { k += 1 }
                if k == w.count { a = p + 1; break search }
            }
            p -= 1
        }
        while a < end, s[a] == "(" || s[a] == ")" { a += 1 }
        // "1月20日县政务服务中心": the 日 of a date is not part of the name.
        if a > c.start, a < end, NumberScanner.isDigit(s[a - 1]), "年月日号".unicodeScalars.contains(s[a]) { a += 1 }
        let length = end - a
        guard length >= 4, length <= 22 else { return nil }
        let suffixLength = suffixScalars.first { w in w.count <= length && Array(s[(end - w.count)..<end]) == w }?.count ?? 1
        guard s[a..<(end - suffixLength)].contains(where: { regionScalars.contains($0) }) else { return nil }
        return (a, c.text(a, end))
    }

    static func insideTitleMarks(_ s: [Unicode.Scalar], _ i: Int, floor: Int) -> Bool {
        var k = i - 1
        while k >= floor, i - k < 60 {
            if s[k] == "》" || s[k] == "\n" { return false }
            if s[k] == "《" { return true }
            k -= 1
        }
        return false
    }
}
