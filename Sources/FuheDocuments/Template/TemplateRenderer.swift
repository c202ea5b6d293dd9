/// Writes a compiled part filled with values: fields become escaped text (a line break in a value
/// becomes `w:br`, a tab `w:tab`), sections repeat or drop their content, charts become drawings.
/// Keeps the result valid for Word: a table cell left without a paragraph gets an empty one, a
/// table left without rows is dropped, drawing ids are renumbered, and bookmarks and paragraph ids
/// are not copied into repeated content.
struct TemplateRenderer {
    /// Counts of paragraphs and rows written directly at one level (sections pass theirs through).
    private struct Emitted {
        var paragraphs = 0, rows = 0
        static func += (a: inout Emitted, b: Emitted) { a.paragraphs += b.paragraphs; a.rows += b.rows }
    }

    let names: WordNames
    /// Registers a chart part for the part being rendered and returns its relationship id.
    let addChart: (ChartSpec) -> String
    /// Drawing ids (`wp:docPr`) must be unique in a document; shared by all parts.
    var nextDrawingID: Int
    private(set) var out: [UInt8] = []
    private var sectionDepth = 0

    init(names: WordNames, firstDrawingID: Int, addChart: @escaping (ChartSpec) -> String) {
        self.names = names
        self.nextDrawingID = firstDrawingID
        self.addChart = addChart
    }

    mutating func render(_ part: XMLDocumentPart, _ data: TemplateRecord) -> [UInt8] {
        out = []
        out.reserveCapacity(256 * 1024)
        if !part.prolog.isEmpty { out += Array(part.prolog.utf8); out.append(0x0A) }
        _ = render(.element(part.root), scopes: [data])
        return out
    }

    private mutating func render(_ node: XMLNode, scopes: [TemplateRecord]) -> Emitted {
        switch node {
        case .text(let t): XMLText.appendText(t, to: &out); return Emitted()
        case .raw(let r): out += Array(r.utf8); return Emitted()
        case .tag(let t): field(t, scopes: scopes); return Emitted()
        case .section(let s): return section(s, scopes: scopes)
        case .element(let e): return element(e, scopes: scopes)
        }
    }

    private mutating func element(_ e: XMLElement, scopes: [TemplateRecord]) -> Emitted {
        if sectionDepth > 0 && (e.name == names.bookmarkStart || e.name == names.bookmarkEnd) { return Emitted() }
        let mark = out.count
        var attributes = e.attributes.filter { $0.name != "w14:paraId" && $0.name != "w14:textId" }
        if e.name == "wp:docPr", let i = attributes.firstIndex(where: { $0.name == "id" }) {
            attributes[i].value = String(nextDrawingID)
            nextDrawingID += 1
        }
        let tag = XMLElement(e.name, attributes: attributes)
        XMLWriter.openTag(tag, to: &out, empty: e.children.isEmpty)
        guard !e.children.isEmpty else { return own(e) }
        var inner = Emitted()
        for child in e.children { inner += render(child, scopes: scopes) }
        if e.name == names.tbl && inner.rows == 0 {
            out.removeSubrange(mark...)
            return Emitted()
        }
        if e.name == names.tc && inner.paragraphs == 0 { out += Array("<\(names.p)/>".utf8) }
        XMLWriter.closeTag(e.name, to: &out)
        // Content controls and custom XML are transparent: their rows and paragraphs count for the parent.
        return ["sdt", "sdtContent", "customXml"].contains(String(e.localName)) ? inner : own(e)
    }

    private func own(_ e: XMLElement) -> Emitted {
        Emitted(paragraphs: e.name == names.p ? 1 : 0, rows: e.name == names.tr ? 1 : 0)
    }

    private mutating func section(_ s: TemplateSection, scopes: [TemplateRecord]) -> Emitted {
        let inverted = s.tag.kind == .openInverted
        var emitted = Emitted()
        let renderOnce = { (me: inout TemplateRenderer, scopes: [TemplateRecord]) in
            me.sectionDepth += 1
            for child in s.children { emitted += me.render(child, scopes: scopes) }
            me.sectionDepth -= 1
        }
        switch Self.lookup(s.tag.name, scopes) {
        case .list(let items)?:
            if inverted {
                if items.isEmpty { renderOnce(&self, scopes) }
            } else {
                for item in items { renderOnce(&self, scopes + [item]) }
            }
        case .flag(let on)?: if on != inverted { renderOnce(&self, scopes) }
        case .text(let text)?: if text.isEmpty == inverted { renderOnce(&self, scopes) }
        case .chart?: break
        case nil: if inverted { renderOnce(&self, scopes) }
        }
        return emitted
    }

    static func lookup(_ name: String, _ scopes: [TemplateRecord]) -> TemplateValue? {
        for scope in scopes.reversed() { if let v = scope[name] { return v } }
        return nil
    }

    /// A field inside a `w:t`: text (line breaks and tabs end the text element and start a new one).
    private mutating func field(_ tag: TemplateTag, scopes: [TemplateRecord]) {
        switch Self.lookup(tag.name, scopes) {
        case .text(let text)?: appendRunText(text)
        case .flag(let on)?: appendRunText(on ? "是" : "否")
        case .chart(let spec)?:
            let rid = addChart(spec)
            out += Array("</\(names.t)>".utf8)
            out += Array(ChartPart.inlineDrawing(relationshipID: rid, drawingID: nextDrawingID, spec: spec).utf8)
            nextDrawingID += 1
            out += Array("<\(names.t) xml:space=\"preserve\">".utf8)
        case .list?, nil: break
        }
    }

    private mutating func appendRunText(_ text: String) {
        guard text.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r\n" }) else {
            XMLText.appendText(text, to: &out)
            return
        }
        var piece = ""
        for ch in text {
            if ch == "\n" || ch == "\r\n" || ch == "\t" {
                XMLText.appendText(piece, to: &out)
                piece = ""
                out += Array("</\(names.t)><\(ch == "\t" ? names.tab : names.br)/><\(names.t) xml:space=\"preserve\">".utf8)
            } else {
                piece.append(ch)
            }
        }
        XMLText.appendText(piece, to: &out)
    }
}
