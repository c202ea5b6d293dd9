/// The text of a saved web page: scripts, styles, comments and the site's navigation, header,
/// footer, sidebars and share bars dropped; block elements start new lines; each table row
/// becomes one line of cells separated by " | " (as pages copied by hand look). One pass over the
/// markup.
enum HTMLText {
    /// Elements whose content is never report text.
    static let dropped: Set<String> = ["script", "style", "noscript", "head", "nav", "header", "footer", "aside",
                                       "iframe", "svg", "select", "button", "form", "template", "object"]
    /// class/id words that mark site furniture.
    static let furniture = ["nav", "menu", "footer", "header", "breadcrumb", "share", "sidebar", "copyright", "banner",
                            "toolbar", "crumb", "topbar", "bottom"]
    static let blocks: Set<String> = ["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table",
                                      "section", "article", "blockquote", "pre", "dd", "dt", "dl", "hr", "center", "tbody",
                                      "thead", "tfoot", "caption", "main", "body", "title", "figure", "figcaption"]
    static let voids: Set<String> = ["br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source", "param", "embed"]

    static func text(_ html: String) -> String {
        let s = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var skip: (name: String, depth: Int)?
        var cells: [String]?
        var cell = String.UnicodeScalarView()
        var inCell = false
        var pre = 0
        var pendingSpace = false

        func emit(_ c: Unicode.Scalar) {
            if inCell { cell.append(c) } else { out.append(c) }
        }
        func newline() {
            pendingSpace = false
            if inCell { if let last = cell.last, last != " " { cell.append(" ") }; return }
            if let last = out.last, last != "\n" { out.append("\n") }
        }
        func finishCell() {
            guard inCell else { return }
            cells?.append(String(cell))
            cell = String.UnicodeScalarView()
            inCell = false
        }
        func text(_ c: Unicode.Scalar) {
            if pre == 0, c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" {
                pendingSpace = true
                return
            }
            if pendingSpace {
                let target = inCell ? cell.last : out.last
                if let t = target, t != "\n", t != " " { emit(" ") }
                pendingSpace = false
            }
            emit(c)
        }

        while i < s.count {
            let c = s[i]
            if c == "<" {
                if NumberScanner.matches(s, i, "<!--") {
                    i = find(s, from: i + 4, "-->").map { $0 + 3 } ?? s.count
                    continue
                }
                let next = i + 1 < s.count ? s[i + 1] : " "
                guard ("a"..."z").contains(next) || ("A"..."Z").contains(next) || next == "/" || next == "!",
                      let close = s[i...].firstIndex(of: ">") else { text(c); i += 1; continue }
                let tag = parseTag(s[(i + 1)..<close])
                i = close + 1
                guard let tag else { continue }
                if let sk = skip {
                    if tag.name == sk.name {
                        if tag.closing {
                            skip = sk.depth == 0 ? nil : (sk.name, sk.depth - 1)
                        } else if !tag.selfClosing {
                            skip = (sk.name, sk.depth + 1)
                        }
                    }
                    continue
                }
                if !tag.closing && !tag.selfClosing && !voids.contains(tag.name) && (dropped.contains(tag.name) || isFurniture(tag.attributes)) {
                    skip = (tag.name, 0)
                    continue
                }
                if tag.name == "script" || tag.name == "style" { continue }
                switch tag.name {
                case "tr":
                    finishCell()
                    if !tag.closing {
                        newline()
                        cells = []
                    } else if let row = cells {
                        let line = row.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " | ")
                        if !line.isEmpty {
                            newline()
                            out.append(contentsOf: (line + " |").unicodeScalars)
                            out.append("\n")
                        }
                        cells = nil
                    }
                case "td", "th":
                    finishCell()
                    if !tag.closing {
                        if cells == nil { cells = [] }
                        inCell = true
                        pendingSpace = false
                    }
                case "pre":
                    pre += tag.closing ? -1 : 1
                    pre = max(0, pre)
                    newline()
                default:
                    if blocks.contains(tag.name) { newline() }
                }
                continue
            }
            if skip != nil { i += 1; continue }
            if c == "&", let (decoded, next) = HTMLEntities.decode(s, at: i) {
                for d in decoded.unicodeScalars { text(d == "\u{A0}" ? " " : d) }
                i = next
                continue
            }
            text(c)
            i += 1
        }
        return String(out).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    }

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: String
    }

    static func parseTag(_ body: ArraySlice<Unicode.Scalar>) -> Tag? {
        var j = body.startIndex
        var closing = false
        if j < body.endIndex, body[j] == "/" { closing = true; j += 1 }
        var name = ""
        while j < body.endIndex, body[j].properties.isAlphabetic || ("0"..."9").contains(body[j]) {
            name.unicodeScalars.append(body[j])
            j += 1
        }
        guard !name.isEmpty else { return nil }
        let rest = String(String.UnicodeScalarView(body[j...]))
        return Tag(name: name.lowercased(), closing: closing, selfClosing: rest.hasSuffix("/"), attributes: rest.lowercased())
    }

    static func isFurniture(_ attributes: String) -> Bool {
        guard attributes.contains("class") || attributes.contains("id") else { return false }
        for key in ["class=", "id="] {
            guard let r = attributes.range(of: key) else { continue }
            let value = attributes[r.upperBound...].prefix(80)
            let words = value.split { !$0.isLetter && !$0.isNumber }.prefix(6)
            if words.contains(where: { w in furniture.contains { w == $0 || w.hasPrefix($0 + "_") || w.hasSuffix($0) } }) { return true }
        }
        return false
    }

    static func find(_ s: [Unicode.Scalar], from: Int, _ literal: String) -> Int? {
        let l = Array(literal.unicodeScalars)
        var i = from
        while i + l.count <= s.count {
            if s[i] == l[0], NumberScanner.matches(s, i, literal) { return i }
            i += 1
        }
        return nil
    }
}
