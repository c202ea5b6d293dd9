import FuheCore
import TermCore

extension CommandID {
    public static let rectOverview = CommandID("overview.open")
    public static let overviewView = CommandID("overview.view")
    public static let overviewStatus = CommandID("overview.status")
    public static let overviewType = CommandID("overview.type")
    public static let overviewRespUnit = CommandID("overview.resp-unit")
    public static let overviewBucket = CommandID("overview.ageing")
    public static let overviewClear = CommandID("overview.clear")
    public static let overviewOpenUnit = CommandID("overview.open-unit")
    public static let overviewThresholds = CommandID("overview.thresholds")
    public static let overviewClose = CommandID("overview.close")
}

extension CommandScope {
    public static let rectOverview = CommandScope("overview", title: "整改总览 Every unit's items", rank: 64)
}

/// Every unit's rectification items (`O`): views 全部 / 逾期 / 即将到期 / 督办候选 (`1`–`4`),
/// filters by status, type, responsible unit and ageing bucket, the ageing of overdue items
/// (≤30 / 31–90 / >90) and the escalation candidates with their reasons. An item's lifecycle
/// keys and `E` (约谈/通报/问责) act on it as in the items pane: its unit opens behind the page.
/// Read from the store's summary columns as an `ItemTable` (numbers and day numbers per item,
/// the text as bytes), never loading dossiers; the rules' verdict per item (`ItemStanding`) is
/// derived once when the table comes in, and the text is made only for the rows on screen.
public struct RectOverviewPage: SortablePage, CommandProvider {
    var table = ItemTable()
    /// What the rules say of each item on `day` (parallel to `table.rows`).
    var standings: [ItemStanding] = []
    /// The day the standings are for.
    var day = CalendarDay(dayNumber: 0)
    /// The rows shown (filtered and sorted), as indices into `table.rows`.
    var shown: [Int] = []
    /// The figures of every item and of the rows shown.
    var summary = RectSummary()
    var shownSummary = RectSummary()
    var loaded = false
    var filter = RectOverviewFilter()
    var thresholds = EscalationThresholds.standard
    public var position = ListPosition()
    public var sort: ColumnSort?

    public static let pageName = "overview"
    public static let context = KeyOutcome.Context(rawValue: "overview")
    public var keyScopes: [CommandScope] { [.rectOverview, .pageSort] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.rectOverview, [.character("O")], .global, "整改总览：全部单位的整改事项，逾期账龄、督办候选、约谈/通报/问责", hint: "整改总览") { ctx in
            var page = RectOverviewPage()
            if let choice = ctx.state.pageChoices[pageName] {
                page.sort = choice.sort
                page.filter = RectOverviewFilter(choice: choice.filters)
            }
            ctx.push(page)
            ctx.emit(.loadCycle(.items))
        },
        .on(RectOverviewPage.self, .overviewView, [.character("1"), .character("2"), .character("3"), .character("4")], .rectOverview,
            "视图：1 全部 · 2 逾期 · 3 即将到期（7天内） · 4 督办候选") { page, ctx, key in
            guard case .character(let c) = key, let n = Int(String(c)), RectOverviewFilter.View.allCases.indices.contains(n - 1) else { return }
            page.change(&ctx) { $0.view = RectOverviewFilter.View.allCases[n - 1] }
        },
        .on(RectOverviewPage.self, .overviewStatus, [.character("S")], .rectOverview, "按状态筛选（循环：未完成 → 各状态 → 全部）") { page, ctx, _ in
            let cycle = RectOverviewFilter.statusCycle
            let i = cycle.firstIndex { $0 == page.filter.status } ?? 0
            page.change(&ctx) { $0.status = cycle[(i + 1) % cycle.count] }
        },
        .on(RectOverviewPage.self, .overviewType, [.character("Y")], .rectOverview, "按整改类型筛选（循环）") { page, ctx, _ in
            let cycle: [RectType?] = [nil] + RectType.allCases.map { $0 }
            let i = cycle.firstIndex { $0 == page.filter.type } ?? 0
            page.change(&ctx) { $0.type = cycle[(i + 1) % cycle.count] }
        },
        .on(RectOverviewPage.self, .overviewRespUnit, [.character("R")], .rectOverview, "只看所选事项的责任单位（再按取消）") { page, ctx, _ in
            let unit = page.selectedRow?.item.respUnit
            page.change(&ctx) { $0.respUnit = $0.respUnit == nil ? unit : nil }
        },
        .on(RectOverviewPage.self, .overviewBucket, [.character("A")], .rectOverview, "按逾期账龄筛选（循环：≤30 → 31–90 → >90 天 → 全部）") { page, ctx, _ in
            let cycle: [AgeingBucket?] = [nil] + AgeingBucket.allCases.map { $0 }
            let i = cycle.firstIndex { $0 == page.filter.bucket } ?? 0
            page.change(&ctx) { $0.bucket = cycle[(i + 1) % cycle.count] }
        },
        .on(RectOverviewPage.self, .overviewClear, [.character("c")], .rectOverview, "清除筛选") { page, ctx, _ in
            page.change(&ctx) { $0 = RectOverviewFilter() }
        },
        .on(RectOverviewPage.self, .overviewOpenUnit, [.enter], .rectOverview, "打开该单位，光标在该事项上") { page, ctx, _ in
            guard let item = page.selectedRow?.item else { return }
            ctx.closeTop()
            ctx.openItem(item, then: nil)
        },
        .form(.overviewThresholds, [.character("N")], .rectOverview, "督办候选的标准：逾期超过 N 天、退回 N 次、N 天无进展", open: { ctx in
            let t = (ctx.state.overlay as? RectOverviewPage)?.thresholds ?? .standard
            return FormState(title: "督办候选的标准", fields: [
                .text("overdue", "逾期超过(天)", "\(t.overdueDays)"), .text("returns", "退回次数≥", "\(t.returns)"),
                .text("stalled", "无进展超过(天)", "\(t.stalledDays)"),
            ])
        }, submit: { form, _ in
            guard let overdue = Int(form.trimmed("overdue")), overdue >= 0 else { return .invalid("应为天数", field: "overdue") }
            guard let returns = Int(form.trimmed("returns")), returns >= 1 else { return .invalid("应为次数（≥1）", field: "returns") }
            guard let stalled = Int(form.trimmed("stalled")), stalled >= 0 else { return .invalid("应为天数", field: "stalled") }
            let t = EscalationThresholds(overdueDays: overdue, stalledDays: stalled, returns: returns)
            return .run { ctx in
                let today = ctx.state.today
                ctx.updateOverlay(RectOverviewPage.self) { page in
                    page.thresholds = t
                    page.receive(page.table, today: today)
                }
                ctx.info("督办候选：逾期超过 \(t.overdueDays) 天、退回 \(t.returns) 次以上、\(t.stalledDays) 天无进展")
            }
        }),
        .on(RectOverviewPage.self, .overviewClose, [.escape, .character("q"), .character("O")], .rectOverview, "关闭整改总览") { _, ctx, _ in ctx.closeTop() },
    ] + actOnItem

    /// The item keys of the items pane (lifecycle steps, 约谈/通报/问责, edit), on the selected row.
    static let actOnItem: [WorkstationCommand] = (ItemLifecycleCommands.steps.map { ($0.id, $0.keys, $0.help) }
        + [(.escalateItem, [.character("E")], "登记约谈/通报/问责"), (.editItem, [.character("e")], "编辑整改事项")]).map { id, keys, help in
        .on(RectOverviewPage.self, CommandID("overview." + id.rawValue), keys, .rectOverview, help + "（所选事项）") { page, ctx, _ in
            guard let item = page.selectedRow?.item else { return }
            ctx.openItem(item) { ctx in
                guard let command = CommandRegistry.byID[id] else { return }
                ctx.run(command, key: keys.first ?? .escape)
            }
        }
    }

    // MARK: the list

    var selectedRow: RectRow? { shown.indices.contains(position.cursor) ? row(shown[position.cursor]) : nil }

    /// Item `index` of the table with its strings and what the rules say of it (`RectRow`).
    func row(_ index: Int) -> RectRow { RectRow(table.digest(at: index), today: day, thresholds: thresholds) }

    /// Every item as a whole row, in table order (makes every string: for tests and small tables).
    var rows: [RectRow] { table.rows.indices.map(row) }

    /// How many items the page holds (every unit's), and how many it shows.
    public var itemCount: Int { table.count }
    public var shownCount: Int { shown.count }

    /// Every item as judged on `today` (deadline state, ageing, escalation reasons).
    mutating func receive(_ items: ItemTable, today: CalendarDay) {
        let current = selectedKey
        table = items
        day = today
        let thresholds = thresholds
        standings = items.rows.map { ItemStanding($0.facts, today: today, thresholds: thresholds) }
        summary = RectSummary()
        for (row, standing) in zip(items.rows, standings) { summary.add(row.facts.status, standing) }
        loaded = true
        refilter(keeping: current)
    }

    /// The selected item's dossier and id.
    private var selectedKey: (String, String)? {
        guard shown.indices.contains(position.cursor) else { return nil }
        let i = shown[position.cursor]
        return (table.unit(of: i).dossierID, table.string(table.rows[i].itemID))
    }

    mutating func refilter(keeping current: (String, String)? = nil) {
        let keep = current ?? selectedKey
        let (table, standings, filter) = (table, standings, filter)
        let matching = table.rows.indices.filter { filter.matches(table.rows[$0], standings[$0], in: table) }
        shown = ListSort.sorted(matching, by: sort, in: Self.sortColumns(table, standings))
        shownSummary = RectSummary()
        for i in shown { shownSummary.add(table.rows[i].facts.status, standings[i]) }
        if let keep, let i = shown.firstIndex(where: { table.unit(of: $0).dossierID == keep.0 && table.text(table.rows[$0].itemID, is: keep.1) }) {
            position.set(i, count: shown.count)
        } else {
            position.move(by: 0, count: shown.count)
        }
    }

    /// Changes the filter, lists again and remembers it for the next run.
    mutating func change(_ ctx: inout UpdateContext, _ edit: (inout RectOverviewFilter) -> Void) {
        edit(&filter)
        refilter()
        var choice = ctx.state.pageChoices[Self.pageName] ?? .init()
        choice.filters = filter.choice
        ctx.state.pageChoices[Self.pageName] = choice
        ctx.info("\(filter.description)：\(shown.count) 项")
    }

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: shown.count)
    }

    // MARK: sorting (items by deadline, status, days overdue …)

    static func sortColumns(_ t: ItemTable, _ st: [ItemStanding]) -> [SortColumn<Int>] {
        [
            SortColumn("单位") { ListSort.text(t.unit(of: $0).unitName) },
            SortColumn("类型") { .number(RectType.allCases.firstIndex(of: t.rows[$0].rectType) ?? 0) },
            SortColumn("责任单位/人") { .text(t.string(t.rows[$0].respUnit) + t.string(t.rows[$0].respPerson)) },
            SortColumn("时限") { .number(t.rows[$0].facts.deadline.dayNumber) },
            SortColumn("逾期", descending: true) { st[$0].state.isOverdue ? .number(st[$0].state.daysOverdue) : nil },
            SortColumn("状态") { .number(RectStatus.allCases.firstIndex(of: t.rows[$0].facts.status) ?? 0) },
            SortColumn("退回", descending: true) { .number(t.rows[$0].facts.returnCount) },
            SortColumn("督办", descending: true) { .number(st[$0].reasons.count * 100 + t.rows[$0].escalationCount) },
        ]
    }
    static let titles = ["单位", "类型", "责任单位/人", "时限", "逾期", "状态", "退回", "督办"]
    var sortTitles: [String] { Self.titles }
    func startsDescending(_ title: String) -> Bool { ["逾期", "退回", "督办"].contains(title) }
    mutating func resort(in state: AppState) { refilter() }
}

extension UpdateContext {
    /// Opens an item's unit (unless it is open) with the item selected in the items pane, then runs `then`.
    mutating func openItem(_ item: ItemDigest, then: FollowUp?) {
        let id = item.itemID
        let select: FollowUp = { ctx in
            ctx.setFocus(.items)
            ItemsPane.select(itemID: id, in: &ctx.state)
            ctx.keepCursorsVisible()
            then?(&ctx)
        }
        if state.dossier?.id == item.dossierID {
            select(&self)
        } else {
            load(item.dossierID, mode: .open, then: select)
        }
    }

    /// After an edit, the open cross-unit pages read their lists again.
    mutating func refreshCyclePages() {
        if state.overlays.contains(where: { $0.overlay is RectOverviewPage }) { emit(.loadCycle(.items)) }
        if state.overlays.contains(where: { ($0.overlay as? FindingsPage)?.scope == .all }) { emit(.loadCycle(.findings(dossierID: nil))) }
    }
}
