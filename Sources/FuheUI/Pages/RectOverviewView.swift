import FuheCore
import TermCore

extension RectOverviewPage {
    static let columns: [Column] = [
        Column(title: "单位", width: 14, priority: 1),
        Column(title: "序", width: 3, align: .right, priority: 6),
        Column(title: "问题", width: 18, priority: 7),
        Column(title: "整改措施", width: 0, priority: 0, flexible: true, minWidth: 12),
        Column(title: "类型", width: 8, priority: 9),
        Column(title: "责任单位/人", width: 18, priority: 5),
        Column(title: "时限", width: 10, priority: 4),
        Column(title: "逾期", width: 12, priority: 2),
        Column(title: "状态", width: 8, priority: 3),
        Column(title: "退回", width: 4, align: .right, priority: 10),
        Column(title: "督办", width: 16, priority: 8),
    ]

    static func cells(_ r: RectRow) -> [String] {
        let i = r.item
        // Beside the deadline only days counted to it; a 持续整改 item is judged on its next
        // check, so it shows the days to that check, named as such (`Deadlines.due`).
        let due = r.due.nextCheckText.map { "检查" + $0 } ?? r.due.deadlineText
        let escalation: String = {
            let why = r.reasons.map(\.description).joined(separator: " ")
            let done = i.lastEscalation.map { "已\($0.label)\(i.escalationCount > 1 ? "×\(i.escalationCount)" : "")" }
            return [done, why.isEmpty ? nil : why].compactMap { $0 }.joined(separator: " ")
        }()
        return [i.unitName, "\(i.seq)", i.problem.replacingOccurrences(of: "\n", with: " "), i.measure.replacingOccurrences(of: "\n", with: " "),
                i.rectType.label, "\(i.respUnit)/\(i.respPerson)", i.deadline.description, due, i.status.label,
                i.returnCount > 0 ? "\(i.returnCount)" : "", escalation]
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let visible = shownSummary
        let buckets = AgeingBucket.allCases.map { "\($0.label.replacingOccurrences(of: "逾期", with: "")) \(summary.byBucket[$0] ?? 0)" }.joined(separator: " / ")
        let title = "整改总览 · \(filter.description)（\(shown.count)/\(table.count)）"
        let right = sort.map { "排序:\($0.label)" } ?? ""
        var detail = ["逾期 \(summary.overdue)（\(buckets)）· 即将到期 \(summary.dueSoon) · 督办候选 \(summary.candidates) · 销号率 \(summary.closureRate.map { $0 + "%" } ?? "—") · 逾期率 \(summary.overdueRate.map { $0 + "%" } ?? "—")"]
        if let r = selectedRow {
            let i = r.item
            detail.append("\(i.unitName) \(i.fiscalYear) · 事项 \(i.seq)（\(i.itemID)）· \(i.rectType.label) · \(i.status.label) · 责任 \(i.respUnit)/\(i.respPerson) · 时限 \(r.due.summary)")
            detail.append("问题：\(i.problem)")
            detail.append("措施：\(i.measure)")
            var facts = ["最近进展 \(i.lastProgressOn?.description ?? "无")（\(i.daysWithoutProgress(today: state.today)) 天前）"]
            if i.returnCount > 0 { facts.append("退回 \(i.returnCount) 次") }
            if i.escalationCount > 0 { facts.append("已约谈/通报/问责 \(i.escalationCount) 次（最近：\(i.lastEscalation?.label ?? "")）") }
            if !r.reasons.isEmpty { facts.append("督办候选：" + r.reasons.map(\.description).joined(separator: "、")) }
            detail.append(facts.joined(separator: " · "))
        }
        detail.append("本页 \(visible.total) 项：未完成 \(visible.open)，逾期 \(visible.overdue)")
        let keys = PageChrome.keys(state, [(.overviewView, "视图"), (.overviewStatus, "状态"), (.overviewType, "类型"), (.overviewRespUnit, "本责任单位"),
                                           (.overviewBucket, "账龄"), (.overviewClear, "清除"), (.overviewOpenUnit, "打开单位"),
                                           (CommandID("overview.rect.progress"), "进度"), (CommandID("overview.rect.escalate"), "约谈/通报/问责"),
                                           (.overviewThresholds, "督办标准"), (.pageSortNext, "排序"), (.overviewClose, "关闭")])
        PageChrome.draw(title: title, right: right, columns: ListSort.marked(Self.columns, sort), count: shown.count, position: position,
                        empty: loaded ? "（没有符合筛选的整改事项，\(state.key(.overviewClear)) 清除筛选）" : "读取中…",
                        detail: detail, keys: keys, in: frame, into: &buffer) { index in
            let r = row(shown[index])
            var extra: [Int: Style] = [:]
            if r.state.isOverdue { extra[7] = Style(bold: true, foreground: r.bucket == .over90 ? .red : .yellow) }
            if !r.reasons.isEmpty { extra[10] = Style(bold: true, foreground: .red) }
            return PaneTable.Line(cells: Self.cells(r), style: r.item.status.isOpen ? .plain : .dim, cellStyles: extra)
        }
    }
}
