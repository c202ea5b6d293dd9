/// Finds the `{{…}}` marks of every paragraph of a part. Word and WPS split typed text into runs
/// wherever formatting, spelling marks or revision ids change, so one field can arrive as `{{单`,
/// `位名`, `称}}` in three runs: the scanner reads the paragraph's text across all its `w:t`
/// elements, moves each mark whole into the text element where it starts (keeping that run's
/// formatting), and replaces the text with text and tag nodes. Each tag records where it is.
struct TagScanner {
    let names: WordNames
    let partLabel: String
    private var paragraphNumber = 0
    private var tableNumber = 0
    /// Open tables, innermost last: number, current row, current cell.
    private var tables: [(number: Int, row: Int, cell: Int)] = []

    init(names: WordNames, partLabel: String) {
        self.names = names
        self.partLabel = partLabel
    }

    mutating func scan(_ root: XMLElement) throws(TemplateError) { try walk(root) }

    private mutating func walk(_ e: XMLElement) throws(TemplateError) {
        if e.name == names.tbl {
            tableNumber += 1
            tables.append((tableNumber, 0, 0))
            defer { tables.removeLast() }
            try walkChildren(e)
            return
        }
        if e.name == names.tr, !tables.isEmpty { tables[tables.count - 1].row += 1; tables[tables.count - 1].cell = 0 }
        if e.name == names.tc, !tables.isEmpty { tables[tables.count - 1].cell += 1 }
        if e.name == names.p {
            paragraphNumber += 1
            try scanParagraph(e)
        }
        try walkChildren(e)
    }

    private mutating func walkChildren(_ e: XMLElement) throws(TemplateError) {
        for child in e.children { if case .element(let c) = child { try walk(c) } }
    }

    /// The paragraph's own `w:t` elements in order (not those of paragraphs nested in text boxes).
    private func textElements(_ p: XMLElement) -> [XMLElement] {
        var out: [XMLElement] = []
        func collect(_ e: XMLElement) {
            for child in e.children {
                guard case .element(let c) = child, c.name != names.p else { continue }
                if c.name == names.t { out.append(c) } else { collect(c) }
            }
        }
        collect(p)
        return out
    }

    private func plainText(_ t: XMLElement) -> String {
        t.children.reduce(into: "") { if case .text(let s) = $1 { $0 += s } }
    }

    private mutating func scanParagraph(_ p: XMLElement) throws(TemplateError) {
        let elements = textElements(p)
        guard !elements.isEmpty else { return }
        var chars: [Character] = []
        var owner: [Int] = []
        for (k, t) in elements.enumerated() {
            let text = Array(plainText(t))
            chars += text
            owner += Array(repeating: k, count: text.count)
        }
        // Marks: "{{" up to the next "}}"; the characters of a mark all go to the element it starts in.
        var marks: [Range<Int>] = []
        var i = 0
        while i + 1 < chars.count {
            guard chars[i] == "{", chars[i + 1] == "{" else { i += 1; continue }
            var j = i + 2
            while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") { j += 1 }
            guard j + 1 < chars.count else {
                throw .unclosedTag(place: place(excerpt: String(chars)), text: String(chars[i...].prefix(20)))
            }
            marks.append(i..<(j + 2))
            for k in i..<(j + 2) { owner[k] = owner[i] }
            i = j + 2
        }
        guard !marks.isEmpty else { return }
        let where_ = place(excerpt: String(chars))
        var perElement = Array(repeating: [XMLNode](), count: elements.count)
        var pending = Array(repeating: "", count: elements.count)
        var m = 0, k = 0
        while k < chars.count {
            let o = owner[k]
            if m < marks.count, marks[m].lowerBound == k {
                if !pending[o].isEmpty { perElement[o].append(.text(pending[o])); pending[o] = "" }
                let source = String(chars[marks[m]])
                let tag = TemplateTag.parse(String(source.dropFirst(2).dropLast(2)), source: source)
                guard !tag.name.isEmpty else { throw .emptyTag(place: where_) }
                tag.place = where_
                perElement[o].append(.tag(tag))
                k = marks[m].upperBound
                m += 1
                continue
            }
            pending[o].append(chars[k])
            k += 1
        }
        for (n, t) in elements.enumerated() {
            if !pending[n].isEmpty { perElement[n].append(.text(pending[n])) }
            let hadTag = perElement[n].contains { if case .tag = $0 { true } else { false } }
            t.children = perElement[n]
            if hadTag { t.setAttribute("xml:space", "preserve") }
        }
    }

    private func place(excerpt: String) -> String {
        var text = "\(partLabel)第\(paragraphNumber)段"
        if let table = tables.last { text += "（表格\(table.number)第\(table.row)行第\(table.cell)列）" }
        let short = excerpt.count > 30 ? String(excerpt.prefix(30)) + "…" : excerpt
        return text + "“\(short)”"
    }
}
