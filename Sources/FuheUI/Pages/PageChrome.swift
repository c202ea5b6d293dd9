import TermCore

/// A full-screen page over the panes (a cross-unit list, the dashboard, a comparison): a title
/// bar, a table with its cursor, a few lines about the selected row, and the page's keys.
enum PageChrome {
    /// Rows of the page body kept for the detail lines under the table.
    static func detailHeight(_ screen: Rect) -> Int { screen.height >= 40 ? 6 : screen.height >= 28 ? 4 : 3 }

    /// Rows of the table (header excluded) on a screen.
    static func tableRows(_ screen: Rect) -> Int { max(1, screen.height - 1 - 1 - detailHeight(screen) - 2) }

    static func draw(title: String, right: String = "", columns: [Column], count: Int, position: ListPosition, empty: String,
                     detail: [String], keys: String, in frame: OverlayFrame, into buffer: inout ScreenBuffer,
                     line: (Int) -> PaneTable.Line) {
        let screen = frame.screen
        buffer.fill(screen)
        PaneChrome.title(title, right: right, rect: Rect(x: screen.x, y: screen.y, width: screen.width, height: 1), focused: true, into: &buffer)
        let details = detailHeight(screen)
        let table = Rect(x: screen.x, y: screen.y + 1, width: screen.width, height: max(2, screen.height - 1 - details - 2))
        if count == 0 {
            buffer.put(empty, x: table.x + 1, y: table.y + 1, style: .dim, maxWidth: table.width - 2, clip: table)
        } else {
            PaneTable.draw(columns: columns, body: table, count: count, position: position, into: &buffer) { index in
                var l = line(index)
                if index == position.cursor { l.style.reverse = true }
                return l
            }
        }
        let separator = table.maxY
        buffer.fill(Rect(x: screen.x, y: separator, width: screen.width, height: 1), with: "─", style: .dim)
        let body = Rect(x: screen.x + 1, y: separator + 1, width: screen.width - 2, height: details)
        let lines = detail.flatMap { $0.wrapped(toWidth: max(1, body.width)) }
        for (i, text) in lines.prefix(details).enumerated() {
            buffer.put(text, x: body.x, y: body.y + i, maxWidth: body.width, clip: body)
        }
        buffer.put(keys, x: screen.x + 1, y: screen.maxY - 1, style: .dim, maxWidth: screen.width - 2, clip: screen)
    }

    /// "Enter 打开 · a 全部单位 · > 排序 · Esc 关闭" from command names, with the keys in force.
    static func keys(_ state: AppState, _ entries: [(CommandID, String)]) -> String {
        entries.compactMap { id, label in
            let key = state.key(id)
            return key.isEmpty ? nil : "\(key) \(label)"
        }.joined(separator: " · ")
    }
}

extension CommandID {
    public static let pageSortNext = CommandID("page.sort-next")
    public static let pageSortPrevious = CommandID("page.sort-previous")
    public static let pageSortReverse = CommandID("page.sort-reverse")
}

extension CommandScope {
    /// Sorting a full-screen page's list (the same keys as in the panes).
    public static let pageSort = CommandScope("page-sort", title: "页面排序 Sorting a page", rank: 57)
}

/// A page whose list sorts by its columns (`>` `<` `~`, as in the panes).
protocol SortablePage: Overlay {
    var sortTitles: [String] { get }
    func startsDescending(_ title: String) -> Bool
    var sort: ColumnSort? { get set }
    /// Re-sorts the list, keeping the cursor on its row.
    mutating func resort(in state: AppState)
    /// The page's name for the remembered choices.
    static var pageName: String { get }
}

/// `>` `<` `~` on the top page; the page's sort is remembered between runs.
enum PageSortCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.pageSortNext, [.character(">")], .pageSort, "按下一列排序") { $0.cyclePageSort(step: 1) },
        .init(.pageSortPrevious, [.character("<")], .pageSort, "按上一列排序") { $0.cyclePageSort(step: -1) },
        .init(.pageSortReverse, [.character("~")], .pageSort, "反向排序") { $0.cyclePageSort(step: 0) },
    ]
}

extension UpdateContext {
    mutating func cyclePageSort(step: Int) {
        guard let top = state.overlay as? any SortablePage else { return }
        sortPage(top, step: step)
    }

    private mutating func sortPage<P: SortablePage>(_ page: P, step: Int) {
        var label = ""
        let state = self.state
        withTop(P.self) { page, ctx in
            if step == 0 {
                guard var order = page.sort else { ctx.info("按 \(ctx.key(.pageSortNext)) 选择排序列"); return }
                order.descending.toggle()
                page.sort = order
            } else {
                page.sort = ListSort.cycle(page.sort, titles: page.sortTitles, startsDescending: page.startsDescending, step: step)
            }
            page.resort(in: state)
            label = page.sort.map { "排序：\($0.label)" } ?? "恢复原顺序"
            var choice = ctx.state.pageChoices[P.pageName] ?? .init()
            choice.sort = page.sort
            ctx.state.pageChoices[P.pageName] = choice
        }
        if !label.isEmpty { info(label) }
    }
}
