import FuheCore
import TermCore

/// Where the 原文 view draws: the scoresheet beside the text from 140 columns on, above it below
/// that; a header line over the text (the line, the rows printed there, the search); the keys.
struct SourceAreas {
    var title: Rect
    var sheet: Rect
    /// A column between sheet and text when side by side (zero width when stacked).
    var separator: Rect
    /// The line over the text.
    var header: Rect
    var text: Rect
    var keys: Rect

    static let gutter = 8
    var textWidth: Int { max(2, text.width - Self.gutter) }
    var textRows: Int { max(1, text.height) }
}

extension SourcePage {
    static let wideWidth = 140

    static func areas(_ state: AppState) -> SourceAreas {
        let screen = OverlayFrame(state, layout: Layout(state)).screen
        let title = Rect(x: screen.x, y: screen.y, width: screen.width, height: 1)
        let keys = Rect(x: screen.x + 1, y: screen.maxY - 1, width: max(1, screen.width - 2), height: 1)
        let body = Rect(x: screen.x, y: screen.y + 1, width: screen.width, height: max(3, screen.height - 2))
        if screen.width >= wideWidth {
            let sheetWidth = screen.width * 45 / 100
            let textX = body.x + sheetWidth + 1
            return SourceAreas(title: title, sheet: Rect(x: body.x, y: body.y, width: sheetWidth, height: body.height),
                               separator: Rect(x: body.x + sheetWidth, y: body.y, width: 1, height: body.height),
                               header: Rect(x: textX, y: body.y, width: body.maxX - textX, height: 1),
                               text: Rect(x: textX, y: body.y + 1, width: body.maxX - textX, height: body.height - 1), keys: keys)
        }
        let sheetHeight = max(5, body.height * 2 / 5)
        return SourceAreas(title: title, sheet: Rect(x: body.x, y: body.y, width: body.width, height: sheetHeight),
                           separator: Rect(x: body.x, y: body.y + sheetHeight, width: 0, height: 0),
                           header: Rect(x: body.x, y: body.y + sheetHeight, width: body.width, height: 1),
                           text: Rect(x: body.x, y: body.y + sheetHeight + 1, width: body.width, height: body.height - sheetHeight - 1), keys: keys)
    }

    /// What the text shows now: on the scoresheet side it follows the selected row's passage.
    func view(_ state: AppState, _ areas: SourceAreas) -> (top: TextPlace, cursor: TextPlace, focus: [SourceSpan]) {
        let c = SourceCursor(lines: lines, width: areas.textWidth)
        if side == .sheet, let source, let row = state.selectedRow?.node.id, let first = source.spans(forRow: row).first,
           let i = source.lineIndex(first.line) {
            let place = TextPlace(line: i, offset: max(0, first.column - 1))
            return (c.top(top, showing: place, height: areas.textRows), place, source.spans(forRow: row))
        }
        return (c.top(top, showing: cursor, height: areas.textRows), cursor, focus)
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let a = Self.areas(state)
        buffer.fill(frame.screen)
        let where_ = source.map { " · \($0.file) 第\($0.firstLine)–\($0.firstLine + max(0, lines.count - 1))行" } ?? ""
        let legend = source == nil ? "" : "粗体下划线 评分表所用得分 · 下划线 数字 · 反白 所选出处 · ! 核算不符"
        PaneChrome.title("原文 · \(unitName)\(where_)", right: a.title.width >= 150 ? legend : "", rect: a.title, focused: true, into: &buffer)
        if state.dossier?.id == dossierID, state.dossier != nil {
            ScoresheetView.render(state, pane: state[ScoresheetPane.self], focused: side == .sheet, rect: a.sheet, into: &buffer)
        }
        if a.separator.width > 0 { PaneChrome.vertical(x: a.separator.x, from: a.separator.y, to: a.separator.maxY, into: &buffer) }
        renderText(state, a, into: &buffer)
        renderKeys(state, a, into: &buffer)
    }

    private func renderText(_ state: AppState, _ a: SourceAreas, into buffer: inout ScreenBuffer) {
        guard let source, !lines.isEmpty else {
            let text = !loaded ? "读取原文…" : "此卷宗由 JSON 导入，没有原文：只有 fuhe intake 读入、在待确认报告中确认后生成的卷宗带有原文。"
            buffer.fill(a.header, with: "─", style: .dim)
            for (i, line) in text.wrapped(toWidth: max(1, a.text.width - 2)).prefix(a.text.height).enumerated() {
                buffer.put(line, x: a.text.x + 1, y: a.text.y + 1 + i, style: .dim, clip: a.text)
            }
            return
        }
        let (top, cursor, focus) = view(state, a)
        renderHeader(state, source: source, cursor: cursor, a, into: &buffer)
        let width = a.textWidth
        var y = a.text.y
        var line = top.line
        var firstRow = true
        while y < a.text.maxY && line < lines.count {
            let rows = SourceWrap.rows(lines[line], width: width)
            let start = firstRow ? SourceWrap.row(of: top.offset, in: rows) : 0
            firstRow = false
            let fileLine = source.firstLine + line
            var highlights = marks[line] ?? []
            highlights += SourceWrap.runs(focus, onLine: fileLine, mark: .focus)
            if let match, match.line == line { highlights.append(SourceHighlight(scalars: match.scalars, mark: .match)) }
            let cursorRow = line == cursor.line ? SourceWrap.row(of: cursor.offset, in: rows) : -1
            for r in start..<rows.count where y < a.text.maxY {
                let number = r == 0 ? String(fileLine) : ""
                let flag = r == 0 && suggestionLines.contains(line) ? "!" : " "
                let arrow = r == cursorRow ? (side == .text ? "▶" : "▷") : " "
                let gutter = number.padded(toWidth: 5, alignment: .right) + flag + arrow
                buffer.put(gutter, x: a.text.x, y: y, style: r == cursorRow ? Style(bold: true, reverse: side == .text) : .dim)
                buffer.put("│", x: a.text.x + 7, y: y, style: .dim)
                SourceWrap.draw(lines[line], rows[r], highlights: highlights, x: a.text.x + SourceAreas.gutter, y: y, width: width, into: &buffer)
                y += 1
            }
            line += 1
        }
    }

    /// "第235行 → 2.1 预算执行 自评 20" (the rows printed on the cursor's line), or the search.
    private func renderHeader(_ state: AppState, source: ReportSource, cursor: TextPlace, _ a: SourceAreas, into buffer: inout ScreenBuffer) {
        buffer.fill(a.header, with: "─", style: .dim)
        let fileLine = source.firstLine + cursor.line
        var text = "第\(fileLine)行"
        if let d = state.dossier, d.id == dossierID {
            let rows = source.rows(atLine: fileLine).compactMap { d.template.node(id: $0) }
            if !rows.isEmpty {
                text += " → " + rows.prefix(3).map { node in
                    "\(node.code) \(node.name)" + (d.result(for: node.id).selfScore.map { " 自评\($0)" } ?? "")
                }.joined(separator: "；") + (rows.count > 3 ? " 等 \(rows.count) 项" : "")
            }
        }
        if let query, search == nil { text += " · 搜索“\(query)”" }
        buffer.put("─ " + text + " ", x: a.header.x, y: a.header.y, style: .bold, maxWidth: a.header.width, clip: a.header)
    }

    private func renderKeys(_ state: AppState, _ a: SourceAreas, into buffer: inout ScreenBuffer) {
        if let search {
            let label = "搜索原文 \(state.key(.sourceSearch)) "
            let used = buffer.put(label, x: a.keys.x, y: a.keys.y, style: .bold, clip: a.keys)
            let field = Rect(x: a.keys.x + used, y: a.keys.y, width: max(1, a.keys.width - used), height: 1)
            buffer.fill(field, style: Style(underline: true))
            search.render(into: &buffer, rect: field, style: Style(underline: true))
            return
        }
        let count = source?.suggestions.count ?? 0
        let text: String
        if side == .text {
            text = PageKeys.line(state, [(.sourceToRow, "跳到评分表"), (.sourceSearch, "搜索"), (.sourceNext, "下一个"), (.sourcePrevious, "上一个"),
                                         (.sourceSuggestions, "核算建议\(count > 0 ? " \(count)" : "")"), (.sourceSide, "评分表"), (.sourceClose, "关闭")],
                                 short: ["评分表", "搜索", "下一个", "上一个", "建议", "切换", "关闭"], width: a.keys.width)
        } else {
            text = PageKeys.line(state, [(.sourceOpen, "跳到原文出处"), (.sourceSide, "原文"), (.editScore, "评分"),
                                         (.sourceSuggestions, "核算建议\(count > 0 ? " \(count)" : "")"), (.sourceClose, "关闭")])
        }
        buffer.put(text, x: a.keys.x, y: a.keys.y, style: .dim, maxWidth: a.keys.width, clip: a.keys)
    }
}
