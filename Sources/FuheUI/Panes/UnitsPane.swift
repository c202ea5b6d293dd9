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
struct UnitsPane: Pane {
    var units: [UnitSummary] = []
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
            // (not started, status): 未开始 is a unit with no review yet.
            let order: [(Bool, ReviewStatus?)] = [(false, nil), (true, nil)] + ReviewStatus.allCases.map { (false, $0) }
            let f = ctx.state[UnitsPane.self].filter
            let i = order.firstIndex { $0.0 == f.reviewNotStarted && $0.1 == f.reviewStatus } ?? 0
            let next = order[(i + 1) % order.count]
            ctx.changeFilter {
                $0.reviewNotStarted = next.0
                $0.reviewStatus = next.1
            }
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
        let selected = selected(ctx.state)?.dossierID ?? ctx.state.dossier?.id
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
            ctx.load(first.dossierID, mode: .open)
        }
    }

    /// Replaces one unit's line after an edit (the rest of the list is unchanged).
    static func replace(_ id: String, with summary: UnitSummary?, in state: inout AppState) {
        guard let summary, let i = state[UnitsPane.self].units.firstIndex(where: { $0.dossierID == id }) else { return }
        state[UnitsPane.self].units[i] = summary
    }
}

extension UpdateContext {
    /// Changes the unit filter and lists the units again (the count is announced when they are in).
    mutating func changeFilter(_ change: (inout UnitFilter) -> Void) {
        change(&state[UnitsPane.self].filter)
        reloadUnits(announceFilter: true)
    }
}
