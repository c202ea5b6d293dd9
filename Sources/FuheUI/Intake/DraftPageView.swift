import FuheCore
import TermCore

/// How the draft page is drawn: the values as a table, the passage of the selected one with the
/// value highlighted — beside the table on a wide screen, below it at 80 columns.
extension DraftPage {
    /// Side by side from this width on.
    static let wideWidth = 140

    struct Areas {
        var list: Rect
        var passage: Rect
        /// The separator: a column when side by side, a row when stacked.
        var separator: Rect
        var keys: Rect
    }

    static func areas(_ screen: Rect) -> Areas {
        let body = Rect(x: screen.x, y: screen.y + 1, width: screen.width, height: max(2, screen.height - 2))
        let keys = Rect(x: screen.x + 1, y: screen.maxY - 1, width: screen.width - 2, height: 1)
        if screen.width >= wideWidth {
            let listWidth = screen.width * 52 / 100
            return Areas(list: Rect(x: body.x, y: body.y, width: listWidth, height: body.height),
                         passage: Rect(x: body.x + listWidth + 2, y: body.y, width: body.width - listWidth - 3, height: body.height),
                         separator: Rect(x: body.x + listWidth, y: body.y, width: 1, height: body.height), keys: keys)
        }
        let listHeight = max(4, body.height / 2)
        return Areas(list: Rect(x: body.x, y: body.y, width: body.width, height: listHeight),
                     passage: Rect(x: body.x + 1, y: body.y + listHeight + 1, width: body.width - 2, height: body.height - listHeight - 1),
                     separator: Rect(x: body.x, y: body.y + listHeight, width: body.width, height: 1), keys: keys)
    }

    /// The table's columns for a list `width` cells wide (the node column widens on a wide screen).
    static func columns(width: Int) -> [Column] {
        [
            Column(title: "", width: 1, priority: 0),
            Column(title: "项", width: 4, priority: 1),
            Column(title: "原文所载", width: 0, priority: 0, flexible: true, minWidth: 14),
            Column(title: "值", width: 12, priority: 2),
            Column(title: "对应模板指标", width: width >= 100 ? 30 : 20, priority: 4),
            Column(title: "决定", width: 12, priority: 1),
        ]
    }

    static func cells(_ row: DraftRow) -> [String] {
        let value: String
        let what: String
        switch row.kind {
        case .indicator, .figure, .total:
            what = row.label
            value = row.proposed ?? row.weightText ?? "—"
        case .field:
            what = row.proposed ?? "（原文未找到）"
            value = ""
        case .basis, .problem, .measure, .check:
            what = row.label
            value = ""
        }
        return [DraftRows.mark(row), row.section, what, value, row.mapping ?? "", DraftRows.decisionText(row)]
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let screen = frame.screen
        buffer.fill(screen)
        let unit = draft?.unit.effective ?? "（单位未定）"
        let status = readiness.map { $0.isReady ? "可生成卷宗（\(state.key(.draftConvert))）" : "已定 \($0.settled)/\($0.required) · 还差 \($0.blockers.count) 项" } ?? ""
        PaneChrome.title("确认草稿 · \(unit)", right: status, rect: Rect(x: screen.x, y: screen.y, width: screen.width, height: 1),
                         focused: true, into: &buffer)
        let areas = Self.areas(screen)
        if draft == nil {
            buffer.put("读取中…", x: areas.list.x + 1, y: areas.list.y + 1, style: .dim, clip: areas.list)
        } else {
            PaneTable.draw(columns: Self.columns(width: areas.list.width), body: areas.list, count: rows.count, position: position, into: &buffer) { i in
                let row = rows[i]
                var style = i == position.cursor ? Style(reverse: true) : .plain
                if row.decision?.isSettled == true { style.dim = i != position.cursor }
                var cellStyles: [Int: Style] = [:]
                if row.blocker != nil { cellStyles[0] = Style(bold: true, foreground: .red); cellStyles[5] = Style(bold: true) }
                if row.kind == .check { cellStyles[0] = Style(bold: true, foreground: .yellow) }
                return PaneTable.Line(cells: Self.cells(row), style: style, cellStyles: cellStyles)
            }
        }
        if areas.separator.width == 1 {
            PaneChrome.vertical(x: areas.separator.x, from: areas.separator.y, to: areas.separator.maxY, into: &buffer)
        } else {
            buffer.fill(areas.separator, with: "─", style: .dim)
        }
        if let row = selected { renderPassage(row, in: areas.passage, into: &buffer) }
        let keys = PageKeys.line(state, [(.draftAccept, "确认"), (.draftCorrect, "更正"), (.draftAbsent, "原文未载"), (.draftRemap, "对应指标"),
                                         (.draftAcceptAll, "全部确认"), (.draftConvert, "生成卷宗"), (.draftNext, "下一待定"), (.draftClose, "返回")],
                                 short: ["确认", "更正", "未载", "对应", "全部", "生成", "下个", "返回"], width: areas.keys.width)
        buffer.put(keys, x: areas.keys.x, y: areas.keys.y, style: .dim, maxWidth: areas.keys.width, clip: screen)
    }

    /// The selected value: what stands in the way, the reader's notes, then the passage it was
    /// read from with the value highlighted (the lines around it for context).
    func renderPassage(_ row: DraftRow, in rect: Rect, into buffer: inout ScreenBuffer) {
        guard rect.height > 0, rect.width > 4, let draft else { return }
        var y = rect.y
        func put(_ text: String, _ style: Style) {
            for line in text.wrapped(toWidth: rect.width) where y < rect.maxY {
                buffer.put(line, x: rect.x, y: y, style: style, maxWidth: rect.width, clip: rect)
                y += 1
            }
        }
        let head = row.kind == .check ? "核算\(row.proposed ?? "")：\(row.label)" : "\(row.section)：\(row.kind == .field ? row.proposed ?? "原文未找到" : row.label)"
        put(head, .bold)
        if let blocker = row.blocker { put("! 生成卷宗前须处理：" + blocker, Style(bold: true, foreground: .red)) }
        if let mapping = row.mapping { put("对应模板指标：" + mapping, .plain) }
        for note in row.notes.prefix(rect.height > 12 ? 5 : 2) { put(note, .dim) }
        guard let span = row.spans.first else {
            put("原文中没有这一项的出处。", .dim)
            return
        }
        let fileLine = span.line
        let file = draft.source.file + (draft.source.reportCount > 1 ? " 第\(draft.source.reportIndex)/\(draft.source.reportCount)篇" : "")
        put("原文 第\(fileLine)行" + (row.spans.count > 1 ? "（共 \(row.spans.count) 处）" : "") + " · \(file)：", .dim)
        drawLines(around: span, marks: row.spans, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), source: draft.source,
                  into: &buffer)
    }

    /// Report lines around `span`, wrapped, with the line numbers in a gutter and `marks` reversed;
    /// the row holding the span's start sits a third of the way down.
    func drawLines(around span: SourceSpan, marks: [SourceSpan], in rect: Rect, source: DraftSource, into buffer: inout ScreenBuffer) {
        guard rect.height > 0 else { return }
        let gutter = 6
        let width = max(2, rect.width - gutter)
        var shown: [(fileLine: Int, row: SourceRow, first: Bool)] = []
        var anchor = 0
        // Two lines before the span, then lines until the area is full below the span's row.
        let firstLine = max(source.firstLine, span.line - 2)
        let lastLine = source.firstLine + lines.count - 1
        var fileLine = firstLine
        while fileLine <= lastLine && (fileLine <= max(span.endLine, span.line) + 1 || shown.count < anchor + rect.height) {
            let line = lines[fileLine - source.firstLine]
            let rows = SourceWrap.rows(line, width: width)
            if fileLine == span.line { anchor = shown.count + SourceWrap.row(of: max(0, span.column - 1), in: rows) }
            shown += rows.enumerated().map { (fileLine, $0.element, $0.offset == 0) }
            fileLine += 1
        }
        let start = max(0, min(anchor - rect.height / 3, shown.count - rect.height))
        for (i, item) in shown.dropFirst(start).prefix(rect.height).enumerated() {
            let line = lines[item.fileLine - source.firstLine]
            if item.first {
                buffer.put(String(item.fileLine).padded(toWidth: gutter - 2, alignment: .right) + "│", x: rect.x, y: rect.y + i, style: .dim)
            } else {
                buffer.put(String(repeating: " ", count: gutter - 2) + "│", x: rect.x, y: rect.y + i, style: .dim)
            }
            SourceWrap.draw(line, item.row, highlights: SourceWrap.runs(marks, onLine: item.fileLine, mark: .focus),
                            x: rect.x + gutter, y: rect.y + i, width: width, into: &buffer)
        }
    }
}
