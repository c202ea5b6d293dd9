import FuheCore
import TermCore

/// The rectification pane: seq, problem, measure, responsible unit/person, deadline with the
/// days to it, status, and — when an item is 持续整改 — its next check date with the days to
/// that (`Deadlines.due`: each figure beside its own date).
enum ItemListView {
    /// The rows as last drawn (``KeptRows``): a row drawn again with the same texts is copied.
    static let keptRows = KeptRows()
    /// The items' texts as last made (``cells(_:dossier:today:selected:)``), by what they read.
    static let texts = KeptTexts<RowTexts>()

    struct RowTexts: Equatable, Sendable {
        var revision: Int
        var today: CalendarDay
        var item: RectificationItem
        var selected: Bool
    }

    /// The texts of the rows of earlier years' open items (marked 上), by what they read: the
    /// item as the earlier year has it and the day.
    static let carriedTexts = KeptTexts<CarriedTexts>()

    struct CarriedTexts: Equatable, Sendable {
        var item: ItemDigest
        var today: CalendarDay
    }

    /// A row of an earlier year's open item: 上, its problem, measure, who, and its dates.
    static func cells(carried c: ItemDigest, today: CalendarDay) -> [String] {
        ["上", c.problem, c.measure, "\(c.respUnit)/\(c.respPerson)"] + dueCells(c.due(today: today), status: c.status)
    }

    static let columns: [Column] = [
        Column(title: "序", width: 3, align: .right, priority: 0),
        Column(title: "问题", width: 20, priority: 3),
        Column(title: "整改措施", width: 0, priority: 0, flexible: true, minWidth: 12),
        Column(title: "责任单位/人", width: 18, priority: 4),
        Column(title: "时限", width: 10, priority: 1),
        Column(title: "剩余/逾期", width: 12, priority: 1),
        Column(title: "状态", width: 8, priority: 0),
        Column(title: "下次检查", width: 20, priority: 2),
    ]

    /// The columns for these rows: "下次检查" only when one of them has a next check date.
    static func columns(for items: [RectificationItem], carried: [ItemDigest]) -> [Column] {
        let checks = items.contains { $0.status.isOpen && $0.nextCheckOn != nil } || carried.contains { $0.status.isOpen && $0.nextCheckOn != nil }
        return checks ? columns : Array(columns.dropLast())
    }

    static func cells(_ item: RectificationItem, dossier d: Dossier, today: CalendarDay, selected: Bool = false) -> [String] {
        let finding = d.findings.first { $0.id == item.findingID }
        return [selected ? "✓\(item.seq)" : "\(item.seq)", finding?.description ?? "", item.measure, "\(item.respUnit)/\(item.respPerson)"]
            + dueCells(Deadlines.due(item, today: today), status: item.status)
    }

    /// 时限, 剩余/逾期, 状态 and 下次检查 (`Deadlines.due`: each figure beside its own date).
    static func dueCells(_ due: DueFigures, status: RectStatus) -> [String] {
        let check = due.nextCheck.map { "\($0) \(due.nextCheckText ?? "")" } ?? ""
        return [due.deadline.description, due.deadlineText, status.label, check]
    }

    /// The red cells: 剩余/逾期 when overdue, 下次检查 when the check is overdue.
    static func alarmStyles(overdue: Bool, due: DueFigures) -> [Int: Style] {
        var extra: [Int: Style] = [:]
        if overdue { extra[5] = Style(bold: true, foreground: .red) }
        if due.nextCheckText?.hasPrefix("逾期") == true { extra[7] = Style(bold: true, foreground: .red) }
        return extra
    }

    static func render(_ state: AppState, position: ListPosition, focused: Bool, rect: Rect, into buffer: inout ScreenBuffer) {
        let items = state.items
        let selection = state[ItemsPane.self].selection
        // A frame that redraws a few rows (a cursor move) does not make the title.
        if buffer.draws(row: rect.y) {
            let open = items.filter { $0.status.isOpen }.count
            let overdue = items.filter { Deadlines.state(of: $0, today: state.today).isOverdue }.count
            let chosen = (selection.isEmpty ? "" : "［已选 \(selection.count)］") + (state[ItemsPane.self].sort.map { "［排序 \($0.label)］" } ?? "")
            let earlier = ItemsPane.carried(state).count
            PaneChrome.title("整改事项 (\(open) 未完成\(overdue > 0 ? "，\(overdue) 逾期" : "")\(earlier > 0 ? "；上年未完成 \(earlier)" : ""))\(chosen)", rect: rect, focused: focused, into: &buffer)
        }
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard body.height > 1, let d = state.dossier else {
            if state.dossier == nil { PaneChrome.empty("（未打开评分表）", rect: rect, into: &buffer) }
            return
        }
        let carried = ItemsPane.carried(state)
        if items.isEmpty && carried.isEmpty {
            PaneChrome.empty("（本单位尚无整改事项：在此窗格按 \(state.key(.createItem)) 新建，或在评分表按 \(state.key(.addFinding)) 登记问题）", rect: rect, into: &buffer)
            return
        }
        let shown = ListSort.marked(Self.columns(for: items, carried: carried), state[ItemsPane.self].sort)
        PaneTable.draw(columns: shown, body: body, count: items.count + carried.count, position: position, marker: .of(state, focused: focused),
                       kept: keptRows, into: &buffer) { index in
            guard index < items.count else {
                let c = carried[index - items.count]
                let due = c.due(today: state.today)
                var extra = alarmStyles(overdue: c.deadlineState(today: state.today).isOverdue, due: due)
                extra[0] = Style(bold: true, foreground: .yellow)
                let key = CarriedTexts(item: c, today: state.today)
                return PaneTable.Line(cells: carriedTexts.texts(index, key: key) { cells(carried: $0.item, today: $0.today) },
                                      style: PaneChrome.rowStyle(selected: index == position.cursor, focused: focused), cellStyles: extra)
            }
            let item = items[index]
            var style = PaneChrome.rowStyle(selected: index == position.cursor, focused: focused)
            if !item.status.isOpen { style.dim = true }
            var extra = alarmStyles(overdue: Deadlines.state(of: item, today: state.today).isOverdue, due: Deadlines.due(item, today: state.today))
            let selected = selection.contains(item.id)
            if selected { extra[0] = Style(bold: true, foreground: .cyan) }
            // The texts read the item, the dossier's findings (its revision), the day and the selection.
            let key = RowTexts(revision: state.dossierRevision, today: state.today, item: item, selected: selected)
            return PaneTable.Line(cells: texts.texts(index, key: key) { cells($0.item, dossier: d, today: $0.today, selected: $0.selected) },
                                  style: style, cellStyles: extra)
        }
    }
}
