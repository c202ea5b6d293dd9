/// Pairs `{{#name}}` with `{{/name}}` and wraps what lies between in a section node, at the level
/// the two marks share:
/// - both in one paragraph: the runs between them (runs are split at the marks);
/// - in one table, different cells or rows: the rows from the start's row to the end's row;
/// - otherwise in one body, cell or text box: the paragraphs and tables between them; a paragraph
///   holding nothing but a mark is dropped with the mark.
/// Innermost pairs are wrapped first, so sections nest.
struct SectionBuilder {
    let names: WordNames

    func build(_ root: XMLElement) throws(TemplateError) {
        while let pair = try nextInnermostPair(root) { wrap(open: pair.open, close: pair.close) }
    }

    /// The first pair whose end comes first; nil when no section marks are left.
    private func nextInnermostPair(_ root: XMLElement) throws(TemplateError) -> (open: [PathStep], close: [PathStep])? {
        var stack: [(TemplateTag, [PathStep])] = []
        for (tag, path) in NodePaths.tags(in: root) {
            switch tag.kind {
            case .field: continue
            case .open, .openInverted: stack.append((tag, path))
            case .close:
                guard let (open, openPath) = stack.popLast() else { throw .closeWithoutOpen(name: tag.name, place: tag.place) }
                guard open.name == tag.name else {
                    throw .mismatchedSection(open: open.name, openPlace: open.place, close: tag.name, closePlace: tag.place)
                }
                return (openPath, path)
            }
        }
        if let (open, _) = stack.last { throw .sectionNotClosed(name: open.name, place: open.place) }
        return nil
    }

    private func tag(at path: [PathStep]) -> TemplateTag? {
        guard let last = path.last, case .tag(let t) = last.container.children[last.index] else { return nil }
        return t
    }

    private func wrap(open: [PathStep], close: [PathStep]) {
        guard let openTag = tag(at: open) else { return }
        // Deepest level at which both paths run through the same container.
        var level = 0
        while level + 1 < open.count, level + 1 < close.count, open[level + 1].container === close[level + 1].container,
              open[level].index == close[level].index {
            level += 1
        }
        let container = open[level].container
        let insideParagraph = open[0...level].contains { ($0.container as? XMLElement)?.name == names.p }
        if insideParagraph {
            wrapInline(container, open: open, close: close, level: level, tag: openTag)
            return
        }
        let tableLike = nearestElement(open, level).map { $0.name == names.tbl || $0.name == names.tr } ?? false
        if tableLike, let element = container as? XMLElement, element.name == names.tr, level > 0 {
            // Same row, different cells: the row itself is the range.
            NodePaths.remove(close)
            NodePaths.remove(open)
            wrapRange(open[level - 1].container, open[level - 1].index, open[level - 1].index, tag: openTag)
        } else if tableLike {
            NodePaths.remove(close)
            NodePaths.remove(open)
            wrapRange(container, open[level].index, close[level].index, tag: openTag)
        } else {
            wrapBlocks(container, open: open, close: close, level: level, tag: openTag)
        }
    }

    /// The nearest element among the containers from `level` up.
    private func nearestElement(_ path: [PathStep], _ level: Int) -> XMLElement? {
        for l in stride(from: level, through: 0, by: -1) { if let e = path[l].container as? XMLElement { return e } }
        return nil
    }

    private func wrapRange(_ container: any NodeContainer, _ from: Int, _ to: Int, tag: TemplateTag) {
        let inner = from <= to ? Array(container.children[from...to]) : []
        let section = TemplateSection(tag: tag, children: inner)
        container.children.replaceSubrange(from..<max(from, to + 1), with: [.section(section)])
    }

    private func wrapBlocks(_ container: any NodeContainer, open: [PathStep], close: [PathStep], level: Int, tag: TemplateTag) {
        var from = open[level].index, to = close[level].index
        let openBlock = container.children[from], closeBlock = container.children[to]
        let dropOpen = isMarkerParagraph(openBlock), dropClose = isMarkerParagraph(closeBlock)
        // Remove the close mark first: removing the open mark cannot shift it (it is later in the tree).
        NodePaths.remove(close)
        NodePaths.remove(open)
        if dropClose { container.children.remove(at: to); to -= 1 }
        if dropOpen { container.children.remove(at: from); to -= 1 }
        let inner = from <= to ? Array(container.children[from...to]) : []
        if from <= to { container.children.removeSubrange(from...to) } else { from = min(from, container.children.count) }
        container.children.insert(.section(TemplateSection(tag: tag, children: inner)), at: from)
    }

    /// A paragraph whose only text is one section mark (and no section break).
    private func isMarkerParagraph(_ node: XMLNode) -> Bool {
        guard case .element(let p) = node, p.name == names.p else { return false }
        if let pPr = p.element(names.pPr), pPr.element(names.sectPr) != nil { return false }
        var marks = 0, other = false
        func visit(_ e: any NodeContainer) {
            for child in e.children {
                switch child {
                case .tag(let t): if t.kind == .field { other = true } else { marks += 1 }
                case .text(let s): if !s.allSatisfy(\.isWhitespace) { other = true }
                case .element(let c):
                    if c.localName.hasSuffix("Pr") || c.name == names.bookmarkStart || c.name == names.bookmarkEnd
                        || c.localName == "proofErr" || c.localName == "lastRenderedPageBreak" {
                        continue  // properties and marks: not content
                    } else if c.name == names.t || c.name == names.r {
                        visit(c)
                    } else {
                        other = true
                    }
                case .section: other = true
                case .raw: break
                }
            }
        }
        visit(p)
        return marks == 1 && !other
    }

    /// Both marks in one paragraph: split the runs at the marks and wrap what lies between.
    private func wrapInline(_ container: any NodeContainer, open: [PathStep], close: [PathStep], level: Int, tag: TemplateTag) {
        let a = open[level].index, b = close[level].index
        if level == open.count - 1 && level == close.count - 1 {
            // Both marks are direct children (of one w:t).
            let inner = Array(container.children[(a + 1)..<b])
            container.children.replaceSubrange(a...b, with: [.section(TemplateSection(tag: tag, children: inner))])
            return
        }
        let (openLeft, openRight) = split(container.children[a], Array(open[(level + 1)...]))
        let (closeLeft, closeRight) = split(container.children[b], Array(close[(level + 1)...]))
        var inner: [XMLNode] = []
        if let openRight { inner.append(openRight) }
        inner += container.children[(a + 1)..<b]
        if let closeLeft { inner.append(closeLeft) }
        var replacement: [XMLNode] = []
        if let openLeft { replacement.append(openLeft) }
        replacement.append(.section(TemplateSection(tag: tag, children: inner)))
        if let closeRight { replacement.append(closeRight) }
        container.children.replaceSubrange(a...b, with: replacement)
    }

    /// Splits `node` around the tag at the end of `path` (whose first step is inside `node`):
    /// the part before and the part after, the tag itself dropped; properties (`w:rPr` …) are
    /// kept on both sides; a side with no content is nil.
    private func split(_ node: XMLNode, _ path: [PathStep]) -> (XMLNode?, XMLNode?) {
        guard let step = path.first else { return (nil, nil) }
        let kids = step.container.children
        let i = step.index
        var left = Array(kids[..<i]), right = Array(kids[(i + 1)...])
        if path.count > 1 {
            let (l, r) = split(kids[i], Array(path.dropFirst()))
            if let l { left.append(l) }
            if let r { right.insert(r, at: 0) }
        }
        let properties = kids[..<i].filter { ($0.element?.localName.hasSuffix("Pr")) ?? false }
        right = properties + right
        return (clone(node, children: left), clone(node, children: right))
    }

    private func clone(_ node: XMLNode, children: [XMLNode]) -> XMLNode? {
        let content = children.contains { child in
            switch child {
            case .element(let e): !e.localName.hasSuffix("Pr")
            case .text(let s): !s.isEmpty
            case .tag, .section, .raw: true
            }
        }
        guard content else { return nil }
        switch node {
        case .element(let e): return .element(XMLElement(e.name, attributes: e.attributes, children: children))
        case .section(let s): return .section(TemplateSection(tag: s.tag, children: children))
        default: return nil
        }
    }
}
