/// One line of the 整改台账 (spec §6.2): an item with its finding, unit and deadline position on a
/// day. Typed, so the CSV writes text and the spreadsheet writes real dates and numbers from the
/// same rows; `columns` is the one column list both use.
public struct LedgerRow: Sendable, Hashable {
    public var seq: Int
    public var dossierID: String
    public var unitName: String
    public var fiscalYear: Int
    public var yearIsDemo: Bool
    public var findingDescription: String
    public var category: FindingCategory?
    /// "2.2.2 政府采购执行率" when the finding is linked to an indicator.
    public var indicator: String
    public var measure: String
    public var rectType: RectType
    public var respUnit: String
    public var respPerson: String
    public var deadline: CalendarDay
    /// 剩余/逾期天数 to the deadline (`Deadlines.due`, `deadlineText`): never the days to a
    /// 持续整改 item's check, which have their own columns.
    public var dueText: String
    /// A 持续整改 item's next check date, and the days to it ("剩余76天", "逾期3天").
    public var nextCheck: CalendarDay?
    public var nextCheckText: String
    public var deadlineState: DeadlineState
    public var latestProgress: ProgressEntry?
    public var completionDesc: String
    public var evidenceCount: Int
    public var status: RectStatus
    /// 已整改 / 正在整改 / 持续整改 / 未整改 / 已撤销 (`Deadlines.reportLabel`).
    public var reportLabel: String
    public var closedBy: String
    public var closedOn: CalendarDay?

    /// Column titles, in row order.
    public static let columns = ["序号", "被评价单位", "年度", "问题描述", "问题类别", "关联指标", "整改措施", "整改类型",
                                 "整改责任单位", "责任人", "整改时限", "剩余/逾期天数", "下次检查日", "距下次检查", "最新整改进度", "整改完成情况",
                                 "佐证材料数", "状态", "报告口径", "销号人", "销号日期"]

    /// "2021", or "2021(示例)" when the source year was anonymised.
    public var yearText: String { yearIsDemo ? "\(fiscalYear)(示例)" : String(fiscalYear) }

    /// "2022-04-08 已完成一季度预算执行分析…", or "".
    public var latestProgressText: String { latestProgress.map { "\($0.date) \($0.text)" } ?? "" }

    /// True while the item is overdue on the ledger's day.
    public var isOverdue: Bool { deadlineState.isOverdue }

    /// Ledger rows of the dossiers, in dossier then item order.
    public static func rows(_ followUps: [DossierFollowUp], today: CalendarDay) -> [LedgerRow] {
        var out: [LedgerRow] = []
        out.reserveCapacity(followUps.reduce(0) { $0 + $1.items.count })
        for d in followUps {
            let findings = Dictionary(d.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for item in d.itemsInOrder {
                let finding = findings[item.findingID]
                let node = finding?.nodeID.flatMap { d.template.node(id: $0) }
                let due = Deadlines.due(item, today: today)
                out.append(LedgerRow(
                    seq: item.seq, dossierID: d.dossierID, unitName: d.unit.name, fiscalYear: d.cycle.fiscalYear,
                    yearIsDemo: d.cycle.yearIsDemo, findingDescription: finding?.description ?? "", category: finding?.category,
                    indicator: node.map { "\($0.code) \($0.name)" } ?? "", measure: item.measure, rectType: item.rectType,
                    respUnit: item.respUnit, respPerson: item.respPerson, deadline: item.deadline,
                    dueText: due.deadlineText, nextCheck: due.nextCheck, nextCheckText: due.nextCheckText ?? "",
                    deadlineState: Deadlines.state(of: item, today: today),
                    latestProgress: item.progress.max(by: { $0.date < $1.date }), completionDesc: item.completionDesc ?? "",
                    evidenceCount: item.evidenceIDs.count, status: item.status,
                    reportLabel: Deadlines.reportLabel(item, today: today), closedBy: item.closedBy ?? "", closedOn: item.closedOn))
            }
        }
        return out
    }

    /// The row as the CSV writes it, one text per column.
    public var texts: [String] {
        [String(seq), unitName, yearText, findingDescription, category?.label ?? "", indicator, measure, rectType.label,
         respUnit, respPerson, deadline.description, dueText, nextCheck?.description ?? "", nextCheckText, latestProgressText, completionDesc, String(evidenceCount),
         status.label, reportLabel, closedBy, closedOn?.description ?? ""]
    }
}
