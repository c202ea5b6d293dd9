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
    static let furniture = Words(furnitureWords)
    static let tail = Words(tailWords)
    static let leading = Words(["首页>", "首页 >", "当前位置", "您现在的位置"])

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
            else if b - a < 60, self.tail.any(in: s, a, b) { tail = true; kind = .furniture }
            else if isFurniture(s, a, b) { kind = .furniture }
            let marker = kind == .text ? Outline.marker(s, at: a) : nil
            lines.append(TextLine(index: lines.count, start: a, end: b, kind: kind, marker: marker, text: text))
            start = i + 1
        }
        return lines
    }

    static func isFurniture(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        if leading.words.contains(where: { Words.find($0, in: s, a, min(b, a + $0.count)) == a }) { return true }
        if b - a > 160 { return false }
        return furniture.any(in: s, a, b)
    }
}
