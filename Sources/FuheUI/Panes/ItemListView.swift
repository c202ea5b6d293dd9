import FuheCore
import TermCore

/// The rectification pane: seq, problem, measure, responsible unit/person, deadline with the
/// days to it, status, and — when an item is 持续整改 — its next check date with the days to
/// that (`Deadlines.due`: each figure beside its own date).
enum ItemListView {
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

    /// The columns for these items: "下次检查" only when one of them has a next check date.
    static func columns(for items: [RectificationItem]) -> [Column] {
        items.contains { $0.status.isOpen && $0.nextCheckOn != nil } ? columns : Array(columns.dropLast())
    }

    static func cells(_ item: RectificationItem, dossier d: Dossier, today: CalendarDay) -> [String] {
        let finding = d.findings.first { $0.id == item.findingID }
        let due = Deadlines.due(item, today: today)
        let check = due.nextCheck.map { "\($0) \(due.nextCheckText ?? "")" } ?? ""
        return ["\(item.seq)", finding?.description ?? "", item.measure, "\(item.respUnit)/\(item.respPerson)",
                due.deadline.description, due.deadlineText, item.status.label, check]
    }

    static func render(_ state: AppState, position: ListPosition, focused: Bool, rect: Rect, into buffer: inout ScreenBuffer) {
        let items = state.items
        let open = items.filter { $0.status.isOpen }.count
        let overdue = items.filter { Deadlines.state(of: $0, today: state.today).isOverdue }.count
        PaneChrome.title("整改事项 (\(open) 未完成\(overdue > 0 ? "，\(overdue) 逾期" : ""))", rect: rect, focused: focused, into: &buffer)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard body.height > 1, let d = state.dossier else {
            if state.dossier == nil { PaneChrome.empty("（未打开评分表）", rect: rect, into: &buffer) }
            return
        }
        if items.isEmpty {
            PaneChrome.empty("（本单位尚无整改事项：在此窗格按 \(state.key(.createItem)) 新建，或在评分表按 \(state.key(.addFinding)) 登记问题）", rect: rect, into: &buffer)
            return
        }
        PaneTable.draw(columns: columns(for: items), body: body, count: items.count, position: position, marker: .of(state, focused: focused), into: &buffer) { index in
            let item = items[index]
            var style = PaneChrome.rowStyle(selected: index == position.cursor, focused: focused)
            if !item.status.isOpen { style.dim = true }
            var extra: [Int: Style] = [:]
            if Deadlines.state(of: item, today: state.today).isOverdue { extra[5] = Style(bold: true, foreground: .red) }
            if Deadlines.due(item, today: state.today).nextCheckText?.hasPrefix("逾期") == true { extra[7] = Style(bold: true, foreground: .red) }
            return PaneTable.Line(cells: cells(item, dossier: d, today: state.today), style: style, cellStyles: extra)
        }
    }
}
