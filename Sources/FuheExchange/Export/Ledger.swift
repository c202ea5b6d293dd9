import FuheCore

/// 整改台账: the rectification ledger across dossiers, one row per item, columns per spec §6.2.
/// 剩余/逾期 counts to the deadline beside it; a 持续整改 item's next check has its own two
/// columns (date, days to it) — see `Deadlines.due`.
public enum Ledger {
    public static let header = ["序号", "被评价单位", "年度", "问题描述", "问题类别", "关联指标", "整改措施", "整改类型",
                                "整改责任单位", "责任人", "整改时限", "剩余/逾期天数", "下次检查日", "距下次检查", "最新整改进度", "整改完成情况",
                                "佐证材料数", "状态", "报告口径", "销号人", "销号日期"]

    /// Ledger rows for the given dossiers, in dossier then item order.
    public static func rows(_ dossiers: [Dossier], today: CalendarDay) -> [[String]] {
        var out: [[String]] = []
        for d in dossiers {
            let findings = Dictionary(uniqueKeysWithValues: d.findings.map { ($0.id, $0) })
            for item in d.items.sorted(by: { ($0.seq, $0.id) < ($1.seq, $1.id) }) {
                let finding = findings[item.findingID]
                let node = finding?.nodeID.flatMap { d.template.node(id: $0) }
                let due = Deadlines.due(item, today: today)
                let latest = item.progress.max(by: { $0.date < $1.date })
                out.append([String(item.seq), d.unit.name, d.cycle.yearIsDemo ? "\(d.cycle.fiscalYear)(示例)" : String(d.cycle.fiscalYear),
                            finding?.description ?? "", finding?.category.label ?? "", node.map { "\($0.code) \($0.name)" } ?? "",
                            item.measure, item.rectType.label, item.respUnit, item.respPerson, item.deadline.description, due.deadlineText,
                            due.nextCheck?.description ?? "", due.nextCheckText ?? "",
                            latest.map { "\($0.date) \($0.text)" } ?? "", item.completionDesc ?? "", String(item.evidenceIDs.count),
                            item.status.label, Deadlines.reportLabel(item, today: today), item.closedBy ?? "",
                            item.closedOn?.description ?? ""])
            }
        }
        return out
    }

    /// The ledger as Excel/WPS-friendly CSV bytes.
    public static func csv(_ dossiers: [Dossier], today: CalendarDay) -> [UInt8] {
        var w = CSVWriter(header: header)
        for row in rows(dossiers, today: today) { w.addRow(row) }
        return w.bytes
    }
}
