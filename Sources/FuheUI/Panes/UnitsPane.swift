import FuheCore
import TermCore

extension CommandID {
    public static let openUnit = CommandID("unit.open")
    public static let filterType = CommandID("filter.type")
    public static let filterStatus = CommandID("filter.status")
    public static let filterFlagged = CommandID("filter.flagged")
    public static let filterOverdue = CommandID("filter.overdue")
    public static let filterClear = CommandID("filter.clear")
}

extension CommandScope {
    public static let units = CommandScope("units", title: "单位列表 Units", rank: 10)
}

/// The unit list pane: every unit (as filtered) with its summary figures, and the units out as
/// offline copies (marked 外).
struct UnitsPane: SortablePane {
    /// The units as shown (sorted when `sort` is set).
    var units: [UnitSummary] = []
    /// The units in the store's (pinyin) order.
    var loaded: [UnitSummary] = []
    var sort: ColumnSort?
    /// Units out as offline copies: dossier id → "L-1 张三 2026-11-23 起".
    var leased: [String: String] = [:]
    var filter = UnitFilter()
    var position = ListPosition()

    static let id = PaneID.units
    static let scope = CommandScope.units

    static let commands: [WorkstationCommand] = [
        .init(.openUnit, [.enter, .character("l"), .right], .units, "打开该单位的评分表", hint: "打开", when: { state in
            selected(state) == nil ? .unavailable(nil, isError: false) : .available
        }) { ctx in
            guard let unit = selected(ctx.state) else { return }
            ctx.load(unit.dossierID, mode: .open)
            ctx.setFocus(.sheet)
        },
        .init(.filterType, [.character("t")], .units, "按评价类型筛选（循环）") { ctx in
            let order: [EvalType?] = [nil] + EvalType.allCases.map { $0 }
            let i = order.firstIndex(of: ctx.state[UnitsPane.self].filter.evalType) ?? 0
            ctx.changeFilter { $0.evalType = order[(i + 1) % order.count] }
        },
        .init(.filterStatus, [.character("s")], .units, "按复核状态筛选（循环：未开始、复核中、待确认、已定稿、全部）") { ctx in
            // nil = every unit; the stages as `fuhe list --status` names them (`ReviewStage`).
            let order: [ReviewStage?] = [nil] + ReviewStage.allCases.map { $0 }
            let i = order.firstIndex(of: ctx.state[UnitsPane.self].filter.reviewStage) ?? 0
            ctx.changeFilter { $0.reviewStage = order[(i + 1) % order.count] }
        },
        .init(.filterFlagged, [.character("x")], .units, "只看有校验提示的单位") { $0.changeFilter { $0.flaggedOnly.toggle() } },
        .init(.filterOverdue, [.character("o")], .units, "只看有逾期整改的单位") { $0.changeFilter { $0.overdueOnly.toggle() } },
        .init(.filterClear, [.character("c")], .units, "清除筛选") { $0.changeFilter { $0 = UnitFilter() } },
    ]

    static func selected(_ state: AppState) -> UnitSummary? {
        let pane = state[UnitsPane.self]
        return pane.units.indices.contains(pane.position.cursor) ? pane.units[pane.position.cursor] : nil
    }

    static func rect(in layout: Layout) -> Rect { layout.units }
    static func count(_ state: AppState) -> Int { state[UnitsPane.self].units.count }

    static func render(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer) {
        UnitListView.render(state, pane: state[UnitsPane.self], focused: isFocused(state), rect: rect, into: &buffer)
    }

    static func detail(_ state: AppState) -> (title: String, paragraphs: [String]) {
        guard let u = selected(state) else { return ("详情", []) }
        var paragraphs = DetailText.unit(u, openKey: state.key(.openUnit))
        if let lease = state[UnitsPane.self].leased[u.dossierID] {
            paragraphs.insert("已借出（外）：副本 \(lease)。可以继续在此修改，合并时逐字段三方比对，冲突由合并人决定。", at: 1)
        }
        return ("单位 \(u.unitName)", paragraphs)
    }

    static func searchTexts(_ state: AppState) -> [String] {
        state[UnitsPane.self].units.map { "\($0.unitName) \($0.dossierID)" }
    }

    /// The list is in: keep the selected (or open) unit selected, open the first unit if asked.
    static func receive(_ request: UnitsRequest, units: [UnitSummary], leased: [String: String], in ctx: inout UpdateContext) {
        let selected = selected(ctx.state)?.dossierID ?? ctx.state.dossier?.id ?? ctx.state.pendingRestore?.dossierID
        ctx.state[UnitsPane.self].loaded = units
        let units = ListSort.sorted(units, by: ctx.state[UnitsPane.self].sort, in: sortColumns)
        ctx.state[UnitsPane.self].units = units
        ctx.state[UnitsPane.self].leased = leased
        if let selected, let i = units.firstIndex(where: { $0.dossierID == selected }) {
            ctx.state[UnitsPane.self].position.set(i, count: units.count)
        } else {
            ctx.state[UnitsPane.self].position.move(by: 0, count: units.count)
        }
        ctx.keepCursorsVisible()
        if request.announceFilter {
            let text = FilterText.describe(ctx.state[UnitsPane.self].filter)
            ctx.info(text.isEmpty ? "显示全部单位（\(units.count)）" : "\(text)：\(units.count) 个单位")
        }
        if request.openFirst, ctx.state.dossier == nil, let first = units.first {
            let remembered = ctx.state.pendingRestore?.dossierID.flatMap { id in units.first { $0.dossierID == id } }
            if remembered == nil { ctx.state.pendingRestore = nil }
            ctx.load((remembered ?? first).dossierID, mode: .open)
        }
    }

    /// Replaces one unit's line after an edit (the rest of the list is unchanged, and it is not
    /// re-sorted under the cursor).
    static func replace(_ id: String, with summary: UnitSummary?, in state: inout AppState) {
        guard let summary else { return }
        if let i = state[UnitsPane.self].units.firstIndex(where: { $0.dossierID == id }) { state[UnitsPane.self].units[i] = summary }
        if let i = state[UnitsPane.self].loaded.firstIndex(where: { $0.dossierID == id }) { state[UnitsPane.self].loaded[i] = summary }
    }

    // MARK: sorting (units by Δ, progress, overdue, grade …)

    static let sortColumns: [SortColumn<UnitSummary>] = [
        SortColumn("年度", descending: true) { .number($0.fiscalYear) },
        SortColumn("类型") { .text($0.evalType.rawValue) },
        SortColumn("自评", descending: true) { $0.selfTotal.map { .number($0.hundredths) } },
        SortColumn("复核", descending: true) { $0.reviewTotal.map { .number($0.hundredths) } },
        SortColumn("差异", descending: true) { $0.delta.map { .number($0.hundredths) } },
        SortColumn("等次", descending: true) { ListSort.grade($0.grade) },
        SortColumn("整改", descending: true) { .number($0.overdueItems * 100_000 + $0.openItems) },
        SortColumn("进度") { $0.scorableRows == 0 ? nil : .number($0.reviewedRows * 10_000 / $0.scorableRows) },
    ]
    static var sortTitles: [String] { sortColumns.map(\.title) }
    static func startsDescending(_ title: String) -> Bool { sortColumns.first { $0.title == title }?.startsDescending ?? false }
    static func sortOrder(_ state: AppState) -> ColumnSort? { state[UnitsPane.self].sort }

    static func setSort(_ order: ColumnSort?, in ctx: inout UpdateContext) {
        let current = selected(ctx.state)?.dossierID
        ctx.state[UnitsPane.self].sort = order
        let units = ListSort.sorted(ctx.state[UnitsPane.self].loaded, by: order, in: sortColumns)
        ctx.state[UnitsPane.self].units = units
        if let current, let i = units.firstIndex(where: { $0.dossierID == current }) {
            ctx.state[UnitsPane.self].position.set(i, count: units.count)
        }
        ctx.keepCursorsVisible()
    }
}

extension UpdateContext {
    /// Changes the unit filter and lists the units again (the count is announced when they are in).
    mutating func changeFilter(_ change: (inout UnitFilter) -> Void) {
        change(&state[UnitsPane.self].filter)
        reloadUnits(announceFilter: true)
    }
}
