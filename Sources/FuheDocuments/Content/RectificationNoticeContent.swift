import FuheCore

/// The fields of the 整改通知书: the findings that still have open items, each item's measure,
/// type, responsible people, deadline and the evidence that will close it, and whom to report
/// back to. Items already closed or withdrawn are counted, not listed.
public enum RectificationNoticeContent {
    public static let schema = FieldSchema(UnitFields.schema + [
        .text("问题数", "有待整改事项的问题个数"),
        .text("整改事项数", "待整改（未销号、未撤销）的事项数"),
        .flag("有已完成事项", "有已销号或已撤销的事项"),
        .text("已完成事项数", "已销号或已撤销的事项数"),
        .text("最早整改时限", "待整改事项中最早的整改时限，如 2022年4月20日"),
        .flag("有逾期事项", "有已逾期的待整改事项"),
        .text("逾期事项数", "已逾期的待整改事项数"),
        .list("问题", "有待整改事项的问题，每个问题带其事项", FindingFields.schema + [
            .list("事项", "该问题的待整改事项", ItemFields.schema),
        ]),
        .list("整改事项", "全部待整改事项（整改清单），按台账序号", ItemFields.schema),
    ])

    /// Items the notice asks for: neither closed nor withdrawn.
    public static func openItems(_ d: Dossier) -> [RectificationItem] {
        DossierFollowUp(d).itemsInOrder.filter { $0.status.isOpen }
    }

    /// The 整改通知书's values on `today`.
    public static func record(_ d: Dossier, today: CalendarDay) -> TemplateRecord {
        var r = TemplateRecord()
        UnitFields.fill(&r, d, today: today)
        let open = openItems(d)
        let done = d.items.count - open.count
        let findings = d.findings.sorted { ($0.seq, $0.id) < ($1.seq, $1.id) }
            .filter { f in open.contains { $0.findingID == f.id } }
        r.set("问题数", String(findings.count))
        r.set("整改事项数", String(open.count))
        r.set("有已完成事项", flag: done > 0)
        r.set("已完成事项数", String(done))
        r.set("最早整改时限", open.map(\.deadline).min().map(DocText.date) ?? "")
        let overdue = open.filter { Deadlines.state(of: $0, today: today).isOverdue }.count
        r.set("有逾期事项", flag: overdue > 0)
        r.set("逾期事项数", String(overdue))
        r.set("问题", list: findings.enumerated().map { n, f in
            var record = FindingFields.record(d, f, number: n + 1)
            record.set("事项", list: ItemFields.records(d, items: open.filter { $0.findingID == f.id }, today: today))
            return record
        })
        r.set("整改事项", list: ItemFields.records(d, items: open, today: today))
        return r
    }
}
