import FuheCore
import TermCore

extension CommandID {
    public static let sourceOpen = CommandID("source.open")
    public static let sourceToRow = CommandID("source.to-row")
    public static let sourceSide = CommandID("source.switch")
    public static let sourceSearch = CommandID("source.search")
    public static let sourceNext = CommandID("source.next")
    public static let sourcePrevious = CommandID("source.previous")
    public static let sourceSuggestions = CommandID("source.suggestions")
    public static let sourceClose = CommandID("source.close")
    public static let sourceSearchConfirm = CommandID("source.search-confirm")
    public static let sourceSearchCancel = CommandID("source.search-cancel")
}

extension CommandScope {
    public static let source = CommandScope("source", title: "原文 Report text", rank: 68)
    /// The 原文 view with its text focused.
    public static let sourceText = CommandScope("source-text", title: "原文：文字 Report text, the text side", rank: 68)
    public static let sourceSearchBar = CommandScope("source-search", title: "原文：搜索 Searching the report text", rank: 68)
}

/// The 原文 view (`y`): the report the open dossier was made from, beside its scoresheet (above it
/// at 80 columns). The figures and scores that fed the dossier are highlighted; `/` searches the
/// text (Chinese, pinyin, initials, 繁简); `y` jumps from a scoresheet row to the passage that
/// printed its score and from a passage back to its row. Tab moves between the text and the
/// scoresheet, whose keys all work here. A dossier imported from JSON has no text and says so.
public struct SourcePage: TextInput, CommandProvider {
    public enum Side: Sendable, Equatable { case text, sheet }

    public var dossierID: String
    var unitName: String
    public internal(set) var source: ReportSource?
    public internal(set) var loaded = false
    /// The report's lines (line `source.firstLine + i` of the file is `lines[i]`).
    var lines: [Substring] = []
    /// Scores and figures to highlight, by line index (built once when the text is in).
    var marks: [Int: [SourceHighlight]] = [:]
    /// Lines where a finding suggestion (arithmetic that does not add up) is printed.
    var suggestionLines: Set<Int> = []
    public var side: Side = .text
    public var cursor = TextPlace(line: 0)
    var top = TextPlace(line: 0)
    /// The passage last jumped to (drawn reversed).
    public internal(set) var focus: [SourceSpan] = []
    /// The row whose passage to show once the text is in.
    var pendingRow: String?
    /// The search being typed (nil when not searching), where it started, the last query.
    var search: LineEditor?
    var searchOrigin: TextPlace?
    public internal(set) var query: String?
    /// Search keys per line, built on the first search and kept (never per keystroke).
    var keys: [TextMatcher.Key]?
    /// The current match: line index and scalar range.
    public internal(set) var match: (line: Int, scalars: Range<Int>)?

    init(dossierID: String, unitName: String, pendingRow: String?) {
        self.dossierID = dossierID
        self.unitName = unitName
        self.pendingRow = pendingRow
    }

    public static let context = KeyOutcome.Context(rawValue: "source")
    public var keyScopes: [CommandScope] {
        if search != nil { return [.sourceSearchBar, .text] }
        return side == .text ? [.sourceText, .source] : [.source, .sheet, .global]
    }
    public var takesListMoves: Bool { side == .text && search == nil }
    public var showsCursor: Bool { search != nil }

    static let commands: [WorkstationCommand] = [
        .init(.sourceOpen, [.character("y")], .global, "原文：报告原文与评分表对照；在评分表中跳到本行得分的出处", hint: "原文") { $0.openSource() },
        .on(SourcePage.self, .sourceToRow, [.character("y")], .sourceText, "从原文跳回评分表：本行所载得分对应的指标行") { page, ctx, _ in
            page.jumpToRow(&ctx)
        },
        .on(SourcePage.self, .sourceSearch, [.character("/")], .sourceText, "搜索原文（中文、全拼、拼音首字母、繁简）") { page, ctx, _ in
            page.startSearch(ctx.state)
        },
        .on(SourcePage.self, .sourceNext, [.character("n")], .sourceText, "下一个匹配") { page, ctx, _ in page.searchAgain(forward: true, &ctx) },
        .on(SourcePage.self, .sourcePrevious, [.character("N")], .sourceText, "上一个匹配") { page, ctx, _ in page.searchAgain(forward: false, &ctx) },
        .on(SourcePage.self, .sourceSide, [.tab, .backTab], .source, "在原文与评分表之间切换（评分表的按键在此照常使用）") { page, ctx, _ in
            page.switchSide(&ctx)
        },
        .on(SourcePage.self, .sourceSuggestions, [.character("s")], .source, "核算问题建议：原文中对不上的数字，可登记为问题") { page, ctx, _ in
            guard let source = page.source else { ctx.info("此卷宗没有原文"); return }
            guard !source.suggestions.isEmpty else { ctx.info("原文的核算都对得上，没有问题建议"); return }
            ctx.push(SuggestionList(dossierID: page.dossierID, suggestions: source.suggestions))
        },
        .on(SourcePage.self, .sourceClose, [.escape, .character("q")], .source, "关闭原文（回到评分表）") { _, ctx, _ in
            ctx.closeTop()
            ctx.setFocus(.sheet)
        },
        .on(SourcePage.self, .sourceSearchConfirm, [.enter], .sourceSearchBar, "确认搜索（停在匹配处）") { page, ctx, _ in page.endSearch(keep: true, &ctx) },
        .on(SourcePage.self, .sourceSearchCancel, [.escape], .sourceSearchBar, "取消搜索（回到搜索开始处）") { page, ctx, _ in
            page.endSearch(keep: false, &ctx)
        },
    ]

    // MARK: the text is in

    mutating func receive(_ source: ReportSource?, in state: AppState) {
        loaded = true
        self.source = source
        guard let source else { return }
        lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        marks = [:]
        // The lines are split once here: `ReportSource.lineIndex` splits the whole text on every
        // call, which made opening a 54 KB report take 150–400 ms (one call per span and line).
        let count = lines.count, first = source.firstLine
        func index(_ fileLine: Int) -> Int? { (0..<count).contains(fileLine - first) ? fileLine - first : nil }
        func add(_ spans: [SourceSpan], _ mark: SourceMark) {
            for span in spans {
                for fileLine in span.line...max(span.line, span.endLine) {
                    guard let i = index(fileLine) else { continue }
                    marks[i, default: []] += SourceWrap.runs([span], onLine: fileLine, mark: mark)
                }
            }
        }
        for spans in source.rowSpans.values { add(spans, .score) }
        for figure in source.figures { add(figure.spans, .figure) }
        suggestionLines = Set(source.suggestions.compactMap { $0.spans.first.flatMap { index($0.line) } })
        if let row = pendingRow { show(row: row, in: state) }
        pendingRow = nil
    }

    // MARK: moving

    /// The text's cursor helper for the current screen.
    func cursorHelper(_ state: AppState) -> SourceCursor {
        SourceCursor(lines: lines, width: Self.areas(state).textWidth)
    }

    public mutating func move(_ move: ListMove, in state: AppState) {
        guard !lines.isEmpty else { return }
        let c = cursorHelper(state)
        let height = Self.areas(state).textRows
        switch move {
        case .by(let n): cursor = c.move(cursor, by: n)
        case .page(let n): cursor = c.move(cursor, by: n * max(1, height - 1))
        case .first: cursor = TextPlace(line: 0)
        case .last: cursor = c.end
        }
        top = c.top(top, showing: cursor, height: height)
    }

    /// Puts the cursor on `place` and scrolls it into view.
    mutating func go(to place: TextPlace, in state: AppState) {
        guard !lines.isEmpty else { return }
        let c = cursorHelper(state)
        cursor = TextPlace(line: min(max(0, place.line), lines.count - 1), offset: max(0, place.offset))
        top = c.top(top, showing: cursor, height: Self.areas(state).textRows)
    }

    /// Shows the passage that printed a scoresheet row's score: true when it has one.
    @discardableResult
    mutating func show(row nodeID: String, in state: AppState) -> Bool {
        guard let source, let first = source.spans(forRow: nodeID).first, let i = source.lineIndex(first.line) else { return false }
        focus = source.spans(forRow: nodeID)
        go(to: TextPlace(line: i, offset: max(0, first.column - 1)), in: state)
        return true
    }

    /// Tab: the text or the scoresheet takes the keys.
    mutating func switchSide(_ ctx: inout UpdateContext) {
        if side == .text {
            side = .sheet
            ctx.setFocus(.sheet)
        } else {
            side = .text
            // The text side starts where the scoresheet side showed it: the selected row's passage.
            if let row = ctx.state.selectedRow?.node.id { show(row: row, in: ctx.state) }
        }
    }

    /// `y` on a passage: the scoresheet row whose score is printed on the cursor's line (the next
    /// one when the row selected already is), shown beside.
    mutating func jumpToRow(_ ctx: inout UpdateContext) {
        guard let source, lines.indices.contains(cursor.line) else { ctx.info("此卷宗没有原文"); return }
        let fileLine = source.firstLine + cursor.line
        let rows = source.rows(atLine: fileLine).filter { id in ctx.state.dossier?.template.node(id: id) != nil }
        guard !rows.isEmpty else {
            ctx.info("第\(fileLine)行没有评分表所用的得分（高亮加粗的才是）；按 \(ctx.key(.sourceSide)) 到评分表")
            return
        }
        // The row selected already, else the one printed where the cursor is, else the first.
        let current = ctx.state.selectedRow?.node.id
        let atCursor = rows.first { id in source.spans(forRow: id).contains { span in
            span.line == fileLine && (span.column - 1...max(span.column - 1, span.endColumn - 1)).contains(cursor.offset)
        } }
        let next = current.flatMap { rows.contains($0) ? $0 : nil } ?? atCursor ?? rows[0]
        ctx.reveal(nodeID: next)
        focus = source.spans(forRow: next)
        side = .sheet
        if let node = ctx.state.dossier?.template.node(id: next) {
            ctx.info("第\(fileLine)行 → \(node.code) \(node.name)" + (rows.count > 1 ? "（此行共 \(rows.count) 个指标的得分）" : "")
                     + " · \(ctx.key(.sourceOpen)) 回到原文")
        }
    }
}

extension UpdateContext {
    /// `y`: opens the 原文 of the open dossier; from a scoresheet row (or the scoresheet side of
    /// the 原文 view) it shows the passage that printed the row's score.
    mutating func openSource() {
        guard let d = state.dossier else { info("先在单位列表打开一个单位"); return }
        let onSheet = state.focus == .sheet
        let row = onSheet ? state.selectedRow?.node.id : nil
        if state.overlay is SourcePage {
            var found = true
            withTop(SourcePage.self) { page, ctx in
                page.side = .text
                guard let row else { return }
                found = page.show(row: row, in: ctx.state)
            }
            if !found, let node = state.selectedRow?.node { info("\(node.code) \(node.name) 的得分在原文中没有写明出处") }
            return
        }
        push(SourcePage(dossierID: d.id, unitName: d.unit.displayName, pendingRow: row))
        intake(.source(dossierID: d.id))
    }
}
