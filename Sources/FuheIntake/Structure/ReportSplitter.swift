/// Finds the reports in a page: one, or several in a compilation ("…报告(精选5篇)", "通用8篇")
/// whose reports are headed by numbered title lines ("…报告1", "…报告2", "篇一", "第二篇").
struct ReportSegment {
    /// Working line indices, inclusive.
    var first: Int
    var last: Int
    var title: String
    var index: Int
    var count: Int
}

enum ReportSplitter {
    static func segments(_ lines: [TextLine]) -> [ReportSegment] {
        let text = lines.filter { $0.kind == .text }
        guard let firstText = text.first, let lastText = text.last else { return [] }
        if let titles = numberedTitles(text), titles.count >= 2 {
            var out: [ReportSegment] = []
            for (k, t) in titles.enumerated() {
                let end = k + 1 < titles.count ? titles[k + 1].index - 1 : lastText.index
                let last = lines[t.index...end].last { $0.kind == .text }?.index ?? t.index
                out.append(ReportSegment(first: t.index, last: last, title: t.text, index: k + 1, count: titles.count))
            }
            return out
        }
        return [ReportSegment(first: firstText.index, last: lastText.index, title: singleTitle(text), index: 1, count: 1)]
    }

    /// The largest run of title lines numbered 1, 2, 3 … that share their wording.
    static func numberedTitles(_ text: [TextLine]) -> [TextLine]? {
        var groups: [String: [(Int, TextLine)]] = [:]
        for line in text where line.marker == nil && line.end - line.start <= 60 {
            // Only lines ending in a digit or opening with an ordinal word can be numbered titles.
            let first = line.text.unicodeScalars.first, last = line.text.unicodeScalars.last
            guard let last, let first, ("0"..."9").contains(last) || "篇【[第范".unicodeScalars.contains(first) else { continue }
            guard let (base, n) = numbered(line.text) else { continue }
            groups[base, default: []].append((n, line))
        }
        var best: [TextLine]?
        for (_, members) in groups {
            var run: [TextLine] = []
            var expected = 1
            for (n, line) in members where n == expected {
                run.append(line)
                expected += 1
            }
            if run.count >= 2, run.count > (best?.count ?? 1) { best = run }
        }
        return best
    }

    static let ordinal: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    /// ("…报告", 3) for "…报告3"; ("篇", 2) for "篇二", "【篇二】", "第二篇", "范文二".
    static func numbered(_ raw: String) -> (String, Int)? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard t.count <= 60, !t.hasSuffix("。") else { return nil }
        let chars = Array(t)
        // "篇一:标题", "【篇二】": the ordinal opens the line.
        let opening = chars.drop { $0 == "【" || $0 == "[" }
        if opening.count >= 2, opening.first == "篇", let n = ordinal[opening[opening.startIndex + 1]] { return ("篇", n) }
        guard !t.contains(":") else { return nil }
        if chars.count >= 2 {
            let inner = chars.filter { $0 != "【" && $0 != "】" && $0 != "[" && $0 != "]" }
            if inner.count >= 2, inner.count <= 4 {
                if inner[0] == "篇", let n = ordinal[inner[1]] { return ("篇", n) }
                if inner[0] == "第", let n = ordinal[inner[1]], inner.last == "篇" { return ("第篇", n) }
                if inner.count >= 3, String(inner[0...1]) == "范文", let n = ordinal[inner[2]] { return ("范文", n) }
            }
        }
        var digits = ""
        var k = chars.count - 1
        while k >= 0, chars[k].isASCII, chars[k].isNumber { digits = String(chars[k]) + digits; k -= 1 }
        guard !digits.isEmpty, digits.count <= 2, let n = Int(digits), k >= 0 else { return nil }
        let base = String(chars[...k]).trimmingCharacters(in: .whitespaces)
        let han = base.unicodeScalars.filter { $0.properties.isIdeographic }.count
        guard han >= 4, base.contains("报告") || base.contains("自评") || base.contains("评价") || base.contains("范文") else { return nil }
        return (base, n)
    }

    /// The title of a single report: the first line that says 报告 (with the line before it when
    /// the title was broken in two), else the first line.
    static func singleTitle(_ text: [TextLine]) -> String {
        let head = Array(text.prefix(15))
        guard let k = head.firstIndex(where: { $0.text.contains("报告") && $0.text.count <= 80 }) else { return head.first?.text ?? "" }
        var title = head[k].text
        if title.count <= 12, k > 0, head[k - 1].text.count <= 30, !head[k - 1].text.hasPrefix("附件") {
            title = head[k - 1].text + title
        }
        return title
    }

    static let performance = Words(["绩效", "自评"])
    static let finance = ["预算", "资金", "支出", "经费", "得分", "万元", "评价"].map { Words([$0]) }

    /// Whether a stretch of text reads like a performance-evaluation report.
    static func looksLikeReport(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard performance.any(in: s, a, b) else { return false }
        return finance.filter { $0.any(in: s, a, b) }.count >= 2
    }
}
