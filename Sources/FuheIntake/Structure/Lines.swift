/// The lines of the working text with what they are: blank, a form's filler row ("|||||"), site
/// furniture, or text (with its heading marker, if any).
struct TextLine {
    enum Kind: Sendable { case blank, filler, furniture, text }

    /// 0-based line number in the working text.
    var index: Int
    /// Working range of the line's text without surrounding spaces.
    var start: Int
    var end: Int
    var kind: Kind
    var marker: Outline.Marker?
    var text: String
}

enum LineSplitter {
    /// Lines of furniture that sites put around (and between) the report.
    static let furnitureWords = [
        "扫一扫在手机", "分享到", "网站地图", "主办单位", "承办单位", "ICP备", "公网安备", "网站标识码", "政务服务热线", "E_MAIL",
        "版权所有", "技术支持", "我要投稿", "上一篇", "下一篇", "打印本页", "关闭窗口", "【打印】", "【关闭】", "浏览次数",
        "小编为大家", "小编整理", "供大家参考", "希望可以帮助到", "希望对大家有所帮助", "随着个人的素质", "相信很多朋友",
        "收藏本页", "字号:", "字体:", "【字体", "分享至", "微信扫一扫",
    ]
    /// A line that starts the page's list of other articles: it and everything after is furniture.
    static let tailWords = ["相关文章", "相关推荐", "热门推荐", "推荐阅读", "猜你喜欢", "相关阅读", "延伸阅读"]

    static func split(_ w: WorkingText) -> [TextLine] {
        var lines: [TextLine] = []
        let s = w.scalars
        var start = 0
        var tail = false
        for i in 0...s.count where i == s.count || s[i] == "\n" {
            var a = start, b = i
            while a < b, s[a] == " " { a += 1 }
            while b > a, s[b - 1] == " " { b -= 1 }
            let text = w.string(a, b)
            var kind = TextLine.Kind.text
            if a == b { kind = .blank }
            else if s[a..<b].allSatisfy({ $0 == "|" || $0 == " " }), s[a..<b].filter({ $0 == "|" }).count >= 2 { kind = .filler }
            else if tail { kind = .furniture }
            else if tailWords.contains(where: { text.contains($0) }) && text.count < 60 { tail = true; kind = .furniture }
            else if isFurniture(text) { kind = .furniture }
            let marker = kind == .text ? Outline.marker(s, at: a) : nil
            lines.append(TextLine(index: lines.count, start: a, end: b, kind: kind, marker: marker, text: text))
            start = i + 1
        }
        return lines
    }

    static func isFurniture(_ text: String) -> Bool {
        if text.hasPrefix("首页>") || text.hasPrefix("首页 >") || text.hasPrefix("当前位置") || text.hasPrefix("您现在的位置") { return true }
        if text.count > 160 { return false }
        return furnitureWords.contains { text.contains($0) }
    }
}
