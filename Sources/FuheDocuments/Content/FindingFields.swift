import FuheCore

/// A finding's fields (问题), shared by the 意见书 and the 整改通知书.
enum FindingFields {
    static let schema: [FieldSchema.Field] = [
        .text("序号", "1、2…（按问题序号）"), .text("中文序号", "一、二…，用于“（一）”式标题"),
        .text("问题类别", "如 政府采购、预算执行"), .text("问题描述", "问题描述"),
        .text("涉及金额", "涉及金额（万元，两位小数）；无则为空"), .text("关联指标", "关联的评分表指标，如 2.2.2 政府采购执行率；无则为空"),
        .text("依据", "违反的规定或依据"), .text("建议", "复核建议"), .text("严重程度", "一般 / 严重"),
        .text("来源", "复核发现 / 单位自查 / 规则提示"),
    ]

    static func records(_ d: Dossier, findings: [Finding]? = nil) -> [TemplateRecord] {
        (findings ?? d.findings.sorted { ($0.seq, $0.id) < ($1.seq, $1.id) }).enumerated().map { n, f in record(d, f, number: n + 1) }
    }

    static func record(_ d: Dossier, _ f: Finding, number: Int) -> TemplateRecord {
        let node = f.nodeID.flatMap { d.template.node(id: $0) }
        return TemplateRecord([
            "序号": .text(String(number)), "中文序号": .text(ChineseNumber.text(number)), "问题类别": .text(f.category.label),
            "问题描述": .text(f.description), "涉及金额": .text(DocText.money(f.amountInvolved)),
            "关联指标": .text(node.map { "\($0.code) \($0.name)" } ?? ""), "依据": .text(f.basis ?? ""),
            "建议": .text(f.recommendation ?? ""), "严重程度": .text(f.severity == .serious ? "严重" : "一般"),
            "来源": .text(origin(f.origin)),
        ])
    }

    static func origin(_ o: FindingOrigin) -> String {
        switch o {
        case .review: "复核发现"
        case .selfReported: "单位自查"
        case .autoCheck: "规则提示"
        }
    }
}

/// A rectification item's fields (整改事项), shared by the 意见书 and the 整改通知书.
enum ItemFields {
    static let schema: [FieldSchema.Field] = [
        .text("序号", "台账序号"), .text("整改措施", "整改措施"), .text("整改类型", "立行立改 / 限期整改 / 持续整改"),
        .text("责任单位", "整改责任单位"), .text("责任人", "责任人"), .text("分管领导", "分管领导（可为空）"),
        .text("整改时限", "整改时限，如 2022-06-30"), .text("整改时限中文", "整改时限，如 2022年6月30日"),
        .text("状态", "待整改 / 整改中 / 待销号 / 持续整改 / 已销号 / 已撤销"),
        .text("报告口径", "已整改 / 正在整改 / 持续整改 / 未整改"), .text("期限说明", "剩余3天 / 逾期5天 / 今日到期 / 待销号核实"),
        .flag("已逾期", "已逾期"), .text("问题描述", "所属问题的描述"), .text("问题类别", "所属问题的类别"),
        .text("销号佐证", "销号时须报送的材料"),
    ]

    static func records(_ d: Dossier, items: [RectificationItem], today: CalendarDay) -> [TemplateRecord] {
        let findings = Dictionary(d.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return items.map { item in
            let finding = findings[item.findingID]
            let node = finding?.nodeID.flatMap { d.template.node(id: $0) }
            return TemplateRecord([
                "序号": .text(String(item.seq)), "整改措施": .text(item.measure), "整改类型": .text(item.rectType.label),
                "责任单位": .text(item.respUnit), "责任人": .text(item.respPerson), "分管领导": .text(item.respLeader ?? ""),
                "整改时限": .text(item.deadline.description), "整改时限中文": .text(DocText.date(item.deadline)),
                "状态": .text(item.status.label), "报告口径": .text(Deadlines.reportLabel(item, today: today)),
                "期限说明": .text(Deadlines.dueText(item, today: today)),
                "已逾期": .flag(Deadlines.state(of: item, today: today).isOverdue),
                "问题描述": .text(finding?.description ?? ""), "问题类别": .text(finding?.category.label ?? ""),
                "销号佐证": .text(ClosingEvidence.expected(for: finding, node: node)),
            ])
        }
    }
}

/// 一, 二 … 九十九 for heading numbers.
enum ChineseNumber {
    static func text(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
