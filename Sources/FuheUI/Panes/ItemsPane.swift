import FuheCore
import Synchronization
import TermCore

extension CommandScope {
    public static let items = CommandScope("items", title: "整改事项 Rectification", rank: 30)
}

/// The rectification pane: the open dossier's items in ledger order. Its commands (the item
/// forms and lifecycle steps) are in `ItemCommands`.
struct ItemsPane: SortablePane {
    var position = ListPosition()
    /// Items selected for a batch, by id.
    var selection: Set<String> = []
    /// Sorted by a column (nil: ledger order).
    var sort: ColumnSort?

    static let id = PaneID.items
    static let scope = CommandScope.items
    static let commands: [WorkstationCommand] = []

    /// Items of the open dossier in ledger order, or as sorted.
    /// (Every hinted item command asks for the selected item on every key: the findings' texts
    /// and the sort columns are made only when a column sort needs them.)
    static func items(_ state: AppState) -> [RectificationItem] {
        let ledger = ledger(state)
        guard let sort = state[ItemsPane.self].sort else { return ledger }
        let findings = Dictionary((state.dossier?.findings ?? []).map { ($0.id, $0.description) }, uniquingKeysWith: { a, _ in a })
        return ListSort.sorted(ledger, by: sort, in: sortColumns(today: state.today, findings: findings))
    }

    // MARK: sorting (items by deadline, status, days overdue …)

    static func sortColumns(today: CalendarDay, findings: [String: String]) -> [SortColumn<RectificationItem>] {
        [
            SortColumn("问题") { ListSort.text(findings[$0.findingID] ?? "") },
            SortColumn("整改措施") { ListSort.text($0.measure) },
            SortColumn("责任单位/人") { ListSort.text($0.respUnit + $0.respPerson) },
            SortColumn("时限") { .number($0.deadline.dayNumber) },
            SortColumn("剩余/逾期", descending: true) { item in
                let s = Deadlines.state(of: item, today: today)
                return item.status.isOpen ? .number(s.isOverdue ? 1_000_000 + s.daysOverdue : -s.daysLeft) : nil
            },
            SortColumn("状态") { .number(RectStatus.allCases.firstIndex(of: $0.status) ?? 0) },
        ]
    }
    static let sortTitles = ["问题", "整改措施", "责任单位/人", "时限", "剩余/逾期", "状态"]
    static func startsDescending(_ title: String) -> Bool { title == "剩余/逾期" }
    static func sortOrder(_ state: AppState) -> ColumnSort? { state[ItemsPane.self].sort }

    static func setSort(_ order: ColumnSort?, in ctx: inout UpdateContext) {
        let current = selected(ctx.state)?.id
        ctx.state[ItemsPane.self].sort = order
        if let current { select(itemID: current, in: &ctx.state) }
        ctx.keepCursorsVisible()
    }

    /// The item under the cursor. Every hinted item command asks for it on every key: in ledger
    /// order it is read from the kept ledger.
    static func selected(_ state: AppState) -> RectificationItem? {
        let cursor = state[ItemsPane.self].position.cursor
        let list = state[ItemsPane.self].sort == nil ? ledger(state) : items(state)
        return list.indices.contains(cursor) ? list[cursor] : nil
    }

    /// The open dossier's items in ledger order (by number), kept for the dossier they were
    /// sorted from (``AppState/dossierRevision``: any edit, undo or another dossier gives a new
    /// one), so that a key — whose status line asks every hinted item command for the selected
    /// item, and whose frame draws the list — does not sort them again. Not kept while
    /// ``KeptRows/bypassed`` is set.
    static func ledger(_ state: AppState) -> [RectificationItem] {
        let revision = state.dossierRevision
        if !KeptRows.bypassed, let kept = keptLedger.withLock({ $0 }), kept.revision == revision { return kept.items }
        let made = (state.dossier?.items ?? []).sorted { ($0.seq, $0.id) < ($1.seq, $1.id) }
        if !KeptRows.bypassed { keptLedger.withLock { $0 = (revision, made) } }
        return made
    }

    private static let keptLedger = Mutex<(revision: Int, items: [RectificationItem])?>(nil)

    /// Items still open from the unit's earlier years, listed after this year's (marked 上年).
    static func carried(_ state: AppState) -> [ItemDigest] { EarlierYearsState.of(state)?.openItems ?? [] }

    /// The selected row when it is an item carried from an earlier year.
    static func selectedCarried(_ state: AppState) -> ItemDigest? {
        let own = state.dossier?.items.count ?? 0
        let i = state[ItemsPane.self].position.cursor - own
        // On this year's items the earlier years are not read (every item command asks this).
        guard i >= 0 else { return nil }
        let list = carried(state)
        return list.indices.contains(i) ? list[i] : nil
    }

    static func rect(in layout: Layout) -> Rect { layout.items }
    static func count(_ state: AppState) -> Int { (state.dossier?.items.count ?? 0) + carried(state).count }

    static func render(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer) {
        ItemListView.render(state, position: state[ItemsPane.self].position, focused: isFocused(state), rect: rect, into: &buffer)
    }

    static func detail(_ state: AppState) -> (title: String, paragraphs: [String]) {
        if let c = selectedCarried(state) {
            let due = c.deadlineState(today: state.today)
            return ("上年整改事项 \(c.fiscalYear) · \(c.seq)", [
                "\(c.fiscalYear) 年度复核提出、尚未完成的整改事项（\(c.dossierID) · \(c.itemID)），仍须跟进：Enter 打开该年度处理。",
                "问题（\(c.category?.label ?? "—")）：\(c.problem)", "整改措施：\(c.measure)",
                "类型 \(c.rectType.label)　责任 \(c.respUnit)/\(c.respPerson)　时限 \(c.deadline) \(due.isOverdue ? "逾期\(due.daysOverdue)天" : "剩余\(due.daysLeft)天")　状态 \(c.status.label)",
            ])
        }
        guard let item = selected(state), let d = state.dossier else { return ("详情", []) }
        return ("整改事项 \(item.seq)", itemText(item, d: d, state: state))
    }

    /// `DetailText.item`, kept for the last item asked: each key after a pause holds the detail
    /// area with what the last frame drew, and formatting an item's text was a tenth of the key.
    /// The dossier's revision names the dossier the item and its findings come from.
    private static func itemText(_ item: RectificationItem, d: Dossier, state: AppState) -> [String] {
        let key = (revision: state.dossierRevision, today: state.today)
        if let kept = lastItemText.withLock({ $0 }), kept.revision == key.revision, kept.today == key.today, kept.item == item {
            return kept.text
        }
        let text = DetailText.item(item, d: d, today: state.today)
        lastItemText.withLock { $0 = (key.revision, key.today, item, text) }
        return text
    }

    private static let lastItemText = Mutex<(revision: Int, today: CalendarDay, item: RectificationItem, text: [String])?>(nil)

    static func searchTexts(_ state: AppState) -> [String] {
        let d = state.dossier
        return items(state).map { item in
            let finding = d?.findings.first { $0.id == item.findingID }?.description ?? ""
            return "\(item.measure) \(finding) \(item.respUnit) \(item.respPerson)"
        } + carried(state).map { "上年 \($0.measure) \($0.problem) \($0.respUnit) \($0.respPerson)" }
    }

    static func historyTarget(_ state: AppState) -> HistoryTarget? {
        guard state.hasDossier, let item = selected(state) else { return nil }
        return HistoryTarget(entity: "item", entityID: item.id, title: "整改事项 \(item.seq) \(item.measure)")
    }

    /// Puts the cursor on an item.
    static func select(itemID: String, in state: inout AppState) {
        let list = items(state)
        if let i = list.firstIndex(where: { $0.id == itemID }) { state[ItemsPane.self].position.set(i, count: list.count) }
    }
}
