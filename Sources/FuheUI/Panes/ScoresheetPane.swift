import FuheCore
import TermCore

extension CommandID {
    public static let expand = CommandID("tree.expand")
    public static let collapse = CommandID("tree.collapse")
    public static let toggle = CommandID("tree.toggle")
}

extension CommandScope {
    public static let sheet = CommandScope("sheet", title: "评分表 Scoresheet", rank: 20)
}

/// The scoresheet pane: the open dossier's indicator tree, collapsible. Its review commands are
/// in `RowCommands` and `ReviewLifecycleCommands`; this file holds the tree and the cursor.
struct ScoresheetPane: SortablePane {
    /// Collapsed node ids.
    var collapsed: Set<String> = []
    /// Visible rows (children of collapsed nodes hidden; only matching leaves while filtered).
    var rows: [SheetRow] = []
    var position = ListPosition()
    /// Only the scorable leaves that are 未复核 / 有标记 / 有差异 / 待补充 (nil: the whole tree).
    var filter: SheetFilter?
    /// Rows selected for a batch (scorable leaves, by node id).
    var selection: Set<String> = []
    /// Sorted by a column: the scorable rows, flat (nil: the tree in template order).
    var sort: ColumnSort?

    static let id = PaneID.sheet
    static let scope = CommandScope.sheet

    static let commands: [WorkstationCommand] = [
        .init(.toggle, [.character(" ")], .sheet, "展开/折叠") { $0.changeTree(.toggle) },
        .init(.expand, [.character("l"), .right], .sheet, "展开") { $0.changeTree(.expand) },
        .init(.collapse, [.character("h"), .left], .sheet, "折叠") { $0.changeTree(.collapse) },
    ]

    static func selected(_ state: AppState) -> SheetRow? {
        let pane = state[ScoresheetPane.self]
        return pane.rows.indices.contains(pane.position.cursor) ? pane.rows[pane.position.cursor] : nil
    }

    static func rect(in layout: Layout) -> Rect { layout.sheet }
    static func count(_ state: AppState) -> Int { state[ScoresheetPane.self].rows.count }

    static func render(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer) {
        ScoresheetView.render(state, pane: state[ScoresheetPane.self], focused: isFocused(state), rect: rect, into: &buffer)
    }

    static func detail(_ state: AppState) -> (title: String, paragraphs: [String]) {
        guard let row = selected(state), let d = state.dossier, let scored = state.scored else { return ("详情", []) }
        return ("\(row.node.code) \(row.node.name)", DetailText.node(row.node, d: d, scored: scored))
    }

    /// Search covers collapsed rows too (every node of the template) and reveals the match.
    static func searchTexts(_ state: AppState) -> [String] {
        state.dossier?.template.nodes.map { "\($0.code) \($0.name)" } ?? []
    }

    static func searchIndex(_ state: AppState) -> Int {
        guard let node = selected(state)?.node, let d = state.dossier else { return 0 }
        return d.template.nodes.firstIndex { $0.id == node.id } ?? 0
    }

    static func selectSearchResult(_ index: Int, in ctx: inout UpdateContext) {
        guard let nodes = ctx.state.dossier?.template.nodes, nodes.indices.contains(index) else { return }
        ctx.reveal(nodeID: nodes[index].id)
    }

    static func historyTarget(_ state: AppState) -> HistoryTarget? {
        guard state.hasDossier, let row = selected(state) else { return nil }
        return HistoryTarget(entity: "result", entityID: row.node.id, title: "\(row.node.code) \(row.node.name)")
    }

    /// The rows to show: the tree with collapsed parents' children hidden, or, while a filter is
    /// on, the scorable leaves that pass it (in template order).
    static func visibleRows(_ state: AppState) -> [SheetRow] {
        guard let d = state.dossier else { return [] }
        let pane = state[ScoresheetPane.self]
        guard pane.filter != nil || pane.sort != nil, let scored = state.scored else {
            return SheetRows.visible(d.template, collapsed: pane.collapsed)
        }
        let leaves = d.template.scorableLeaves.filter { pane.filter?.matches($0, in: d, scored: scored) ?? true }
        let rows = leaves.map { SheetSortRow(node: $0, result: d.result(for: $0.id), suggestion: scored.rows[$0.id]?.suggestion,
                                              diff: scored.rowDiff($0.id), flags: RowWork.flagCodes($0.id, scored: scored).count) }
        return ListSort.sorted(rows, by: pane.sort, in: sortColumns).map { SheetRow(node: $0.node, isLeaf: true, isExpanded: true) }
    }

    // MARK: sorting (rows by Δ, flags …)

    /// What a scoresheet row is sorted by.
    struct SheetSortRow: Sendable {
        var node: IndicatorNode
        var result: IndicatorResult
        var suggestion: Score?
        var diff: Score?
        var flags: Int
    }

    static let sortColumns: [SortColumn<SheetSortRow>] = [
        SortColumn("分值", descending: true) { .number($0.node.maxScore.hundredths) },
        SortColumn("自评", descending: true) { $0.result.selfScore.map { .number($0.hundredths) } },
        SortColumn("建议", descending: true) { $0.suggestion.map { .number($0.hundredths) } },
        SortColumn("复核", descending: true) { $0.result.reviewScore.map { .number($0.hundredths) } },
        SortColumn("差异", descending: true) { $0.diff.map { .number($0.hundredths) } },
        SortColumn("据") { .number(($0.result.deductionReason ?? "").isEmpty ? 0 : 1) },
        SortColumn("证", descending: true) { .number($0.result.evidenceIDs.count) },
        SortColumn("标记", descending: true) { .number($0.flags) },
    ]
    static var sortTitles: [String] { sortColumns.map(\.title) }
    static func startsDescending(_ title: String) -> Bool { sortColumns.first { $0.title == title }?.startsDescending ?? false }
    static func sortOrder(_ state: AppState) -> ColumnSort? { state[ScoresheetPane.self].sort }

    static func setSort(_ order: ColumnSort?, in ctx: inout UpdateContext) {
        let current = selected(ctx.state)?.node.id
        ctx.state[ScoresheetPane.self].sort = order
        ctx.state[ScoresheetPane.self].rows = visibleRows(ctx.state)
        if let current { select(nodeID: current, in: &ctx.state) }
        ctx.keepCursorsVisible()
    }

    /// Puts the cursor on a visible node.
    static func select(nodeID: String, in state: inout AppState) {
        let rows = state[ScoresheetPane.self].rows
        if let i = rows.firstIndex(where: { $0.node.id == nodeID }) { state[ScoresheetPane.self].position.set(i, count: rows.count) }
    }
}

extension UpdateContext {
    enum TreeChange { case expand, collapse, toggle }

    mutating func changeTree(_ change: TreeChange) {
        guard let row = state.selectedRow else { return }
        if row.isLeaf {
            if change == .collapse, let parent = row.node.parentID {
                state[ScoresheetPane.self].collapsed.insert(parent)
                rebuildRows(keeping: parent)
            }
            return
        }
        let id = row.node.id
        switch change {
        case .expand: state[ScoresheetPane.self].collapsed.remove(id)
        case .collapse: state[ScoresheetPane.self].collapsed.insert(id)
        case .toggle:
            if state[ScoresheetPane.self].collapsed.contains(id) {
                state[ScoresheetPane.self].collapsed.remove(id)
            } else {
                state[ScoresheetPane.self].collapsed.insert(id)
            }
        }
        rebuildRows(keeping: id)
    }

    /// Recomputes the visible rows and puts the cursor on `nodeID`.
    mutating func rebuildRows(keeping nodeID: String) {
        guard state.hasDossier else { return }
        state[ScoresheetPane.self].rows = ScoresheetPane.visibleRows(state)
        ScoresheetPane.select(nodeID: nodeID, in: &state)
        keepCursorsVisible()
    }

    /// Moves the scoresheet cursor to a node, expanding its ancestors, and focuses the scoresheet.
    /// A filter that hides the node is lifted.
    mutating func reveal(nodeID: String) {
        guard let d = state.dossier else { return }
        if state[ScoresheetPane.self].filter != nil || state[ScoresheetPane.self].sort != nil,
           !state.sheetRows.contains(where: { $0.node.id == nodeID }) {
            state[ScoresheetPane.self].filter = nil
            state[ScoresheetPane.self].sort = nil
        }
        var parent = d.template.node(id: nodeID)?.parentID
        while let p = parent {
            state[ScoresheetPane.self].collapsed.remove(p)
            parent = d.template.node(id: p)?.parentID
        }
        rebuildRows(keeping: nodeID)
        setFocus(.sheet)
    }
}
