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

/// The unit list pane: every unit (as filtered and sorted) with its summary figures, and the
/// units out as offline copies (marked 外). It holds a window of the list — the rows around the
/// view, read from the store by filter, order and position — and the list's length, so that what
/// it reads does not grow with the store; moving past the window reads the next one.
struct UnitsPane: SortablePane {
    /// Rows [windowStart, windowStart + units.count) of the list.
    var units: [UnitSummary] = []
    var windowStart = 0
    /// Units in the list (as filtered), and how many of them are samples.
    var total = 0
    var samples = 0
    /// The start of the window last asked for while scrolling (not asked twice).
    var askedStart: Int?
    /// The whole list's keys for search and the palette (read when first needed, dropped when
    /// the list changes).
    var keys: [UnitKey]?
    /// What waits for those keys (a search typed and confirmed before they came), run in order
    /// when they arrive.
    var keyWaiters: [FollowUp] = []
    var sort: ColumnSort?
    /// Units out as offline copies: dossier id → "L-1 张三 2026-11-23 起".
    var leased: [String: String] = [:]
    var filter = UnitFilter()
    var position = ListPosition()

    /// Rows read at a time: a few screens, so that a window is read once every hundred-odd moves.
    static let windowRows = 240

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
        state[UnitsPane.self].row(state[UnitsPane.self].position.cursor)
    }

    /// The whole list's keys: those read for search and the palette, or the window's rows when
    /// it holds the whole list; nil when they must be read first.
    var allKeys: [UnitKey]? {
        keys ?? (windowStart == 0 && units.count == total ? units.map(UnitKey.init) : nil)
    }

    /// The unit at index `i` of the list, when it is in the window.
    func row(_ i: Int) -> UnitSummary? {
        units.indices.contains(i - windowStart) ? units[i - windowStart] : nil
    }

    static func rect(in layout: Layout) -> Rect { layout.units }
    static func count(_ state: AppState) -> Int { state[UnitsPane.self].total }

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

    /// Every unit's name and id, in list order (the keys are read before a search starts:
    /// `UpdateContext.withUnitKeys`).
    static func searchTexts(_ state: AppState) -> [String] {
        state[UnitsPane.self].allKeys?.map { key in
            // Sized once: the search keeps these texts (20,000 of them at province scale), and
            // an interpolation leaves each with room to grow.
            var text = ""
            text.reserveCapacity(key.unitName.utf8.count + 1 + key.dossierID.utf8.count)
            text += key.unitName
            text += " "
            text += key.dossierID
            return text
        } ?? []
    }

    /// A window of the list is in: on a reload, keep the selected (or open) unit selected by id
    /// and open the first unit if asked; while scrolling, only the rows change.
    static func receive(_ request: UnitsRequest, page: UnitPage, leased: [String: String]?, in ctx: inout UpdateContext) {
        var pane = ctx.state[UnitsPane.self]
        // A window that no longer matches the list's filter or order was overtaken by a reload.
        guard request.filter == pane.filter, request.order == order(pane.sort) else { return }
        pane.units = page.rows
        pane.windowStart = page.start
        pane.total = page.total
        pane.samples = page.samples
        pane.askedStart = nil
        if let leased { pane.leased = leased }
        if !request.scrollOnly {
            pane.keys = nil
            if let i = page.anchorIndex {
                pane.position.set(i, count: page.total)
            } else {
                pane.position.move(by: 0, count: page.total)
            }
        }
        ctx.state[UnitsPane.self] = pane
        ctx.keepCursorsVisible()
        if request.scrollOnly { return }
        if request.announceFilter {
            let text = FilterText.describe(pane.filter)
            ctx.info(text.isEmpty ? "显示全部单位（\(page.total)）" : "\(text)：\(page.total) 个单位")
        }
        if request.openFirst, ctx.state.dossier == nil {
            let remembered = ctx.state.pendingRestore?.dossierID.flatMap { id in page.anchorIndex != nil && request.anchor == id ? id : nil }
            if remembered == nil { ctx.state.pendingRestore = nil }
            if let id = remembered ?? (page.start == 0 ? page.rows.first?.dossierID : nil) { ctx.load(id, mode: .open) }
        }
    }

    /// The whole list's keys are in (for search or the palette): keep them while the list is the same.
    static func receive(_ request: UnitKeysRequest, keys: [UnitKey], in ctx: inout UpdateContext) {
        let pane = ctx.state[UnitsPane.self]
        guard request.filter == pane.filter, request.order == order(pane.sort) else {
            // The list changed while they were read: read the keys of the list as it is now.
            if !pane.keyWaiters.isEmpty { ctx.requestUnitKeys() }
            return
        }
        ctx.state[UnitsPane.self].keys = keys
        let waiting = pane.keyWaiters
        ctx.state[UnitsPane.self].keyWaiters = []
        for body in waiting { body(&ctx) }
    }

    /// Reads the next window when the rows in view are not all in this one (after a move).
    static func readWindowIfNeeded(in ctx: inout UpdateContext, height: Int) {
        let pane = ctx.state[UnitsPane.self]
        let first = pane.position.top, last = min(pane.total, pane.position.top + max(1, height))
        let cursor = pane.position.cursor
        guard pane.total > 0 else { return }
        let have = pane.windowStart..<(pane.windowStart + pane.units.count)
        if have.contains(first), last - 1 < have.upperBound, have.contains(cursor) { return }
        let start = max(0, min(first, cursor) - (windowRows - max(1, height)) / 2)
        guard pane.askedStart != start else { return }
        ctx.state[UnitsPane.self].askedStart = start
        var request = UnitsRequest(filter: pane.filter, today: ctx.state.today)
        request.order = order(pane.sort)
        request.start = start
        request.scrollOnly = true
        ctx.emit(.loadUnits(request))
    }

    /// Replaces one unit's line after an edit (the rest of the list is unchanged, and it is not
    /// re-sorted under the cursor).
    static func replace(_ id: String, with summary: UnitSummary?, in state: inout AppState) {
        guard let summary else { return }
        if let i = state[UnitsPane.self].units.firstIndex(where: { $0.dossierID == id }) { state[UnitsPane.self].units[i] = summary }
    }

    // MARK: sorting (units by Δ, progress, overdue, grade …)

    static var sortTitles: [String] { UnitSortColumn.allCases.map(\.title) }
    static func startsDescending(_ title: String) -> Bool { UnitSortColumn(rawValue: title)?.startsDescending ?? false }
    static func sortOrder(_ state: AppState) -> ColumnSort? { state[UnitsPane.self].sort }
    /// The store's order for a header sort (nil: natural order).
    static func order(_ sort: ColumnSort?) -> UnitOrder? {
        sort.flatMap { s in UnitSortColumn(rawValue: s.column).map { UnitOrder($0, descending: s.descending) } }
    }

    /// Sorts in the store (`UnitSortColumn`'s order), keeping the cursor on the same unit.
    static func setSort(_ order: ColumnSort?, in ctx: inout UpdateContext) {
        ctx.state[UnitsPane.self].sort = order
        ctx.reloadUnits()
    }
}

extension UpdateContext {
    /// Runs `body` once the whole unit list's keys are in (read from the store when the list
    /// changed since they were last read).
    mutating func withUnitKeys(_ body: @escaping FollowUp) {
        if state[UnitsPane.self].allKeys != nil { body(&self); return }
        // Every ask reads (a read that failed must not leave later ones waiting); the first
        // answer runs all that wait.
        state[UnitsPane.self].keyWaiters.append(body)
        requestUnitKeys()
    }

    /// Asks for the whole unit list's keys under the current filter and sort.
    mutating func requestUnitKeys() {
        let pane = state[UnitsPane.self]
        emit(.loadUnitKeys(UnitKeysRequest(filter: pane.filter, order: UnitsPane.order(pane.sort), today: state.today)))
    }

    /// Changes the unit filter and lists the units again (the count is announced when they are in).
    mutating func changeFilter(_ change: (inout UnitFilter) -> Void) {
        change(&state[UnitsPane.self].filter)
        reloadUnits(announceFilter: true)
    }
}
