import FuheCore

/// Fields every unit document shares — the unit, the year, the review team and who the unit
/// reports back to — with their help texts, declared once for the 意见书 and the 整改通知书.
enum UnitFields {
    static let schema: [FieldSchema.Field] = [
        .text("单位名称", "被评价单位全称"),
        .text("单位简称", "单位简称（未填时同全称）"),
        .text("年度", "评价年度，如 2021"),
        .flag("年度为示例", "原文年度为“20xx”、年度为示例值时为真"),
        .text("评价类型", "项目支出 / 部门整体支出 / 专项资金"),
        .text("评价对象", "项目名称；部门整体支出时为单位名称"),
        .text("指标体系", "适用的指标体系模板编号和名称"),
        .text("自评报告日期", "单位自评报告日期，如 2022年3月1日；未注明时为“未注明”"),
        .text("复核依据", "自评报告所列依据文件，以“、”分隔；无则为评价批次文号"),
        .text("复核组织单位", "组织复核的财政部门（评价批次的发文机关）；未填时为“××财政局”（待填）"),
        .text("复核方式", "书面审核 / 现场核查"),
        .text("复核日期", "复核起止日期，如 2022年4月25日至5月10日；未记录时为空"),
        .text("复核状态", "复核中 / 待确认 / 已定稿 / 未开始"),
        .text("复核组长", "复核组组长姓名（职务）"),
        .text("复核成员", "其他复核人员，以“、”分隔"),
        .list("复核组", "复核组全体人员", [
            .text("姓名", "姓名"), .text("职务", "职务或职称"), .text("单位", "所在单位"), .text("角色", "组长 / 副组长 / 组员 / 联络人"),
        ]),
        .text("报送对象", "整改情况报送给谁：复核组织单位；未填时为“复核组”"),
        .text("联系人", "复核组组长（及职务），单位报送整改情况时的联系人"),
        .text("生成日期", "生成文书的日期，如 2026年11月23日"),
    ]

    static func fill(_ r: inout TemplateRecord, _ d: Dossier, today: CalendarDay) {
        r.set("单位名称", d.unit.name)
        r.set("单位简称", d.unit.displayName)
        r.set("年度", String(d.cycle.fiscalYear))
        r.set("年度为示例", flag: d.cycle.yearIsDemo)
        r.set("评价类型", d.evaluation.evalType.label)
        r.set("评价对象", d.evaluation.objectName)
        r.set("指标体系", "\(d.template.id) \(d.template.name)")
        r.set("自评报告日期", d.evaluation.reportDate.map(DocText.date) ?? "未注明")
        r.set("复核依据", DocText.list(d.evaluation.basisDocs, empty: d.cycle.noticeDocNo ?? "预算绩效管理有关规定"))
        let issuer = d.cycle.issuer.flatMap { $0.isEmpty ? nil : $0 }
        r.set("复核组织单位", issuer ?? "××财政局")
        r.set("复核方式", d.review.map { DocText.mode($0.mode) } ?? "复核")
        r.set("复核日期", DocText.span(from: d.review?.startedAt, to: d.review?.finalizedAt ?? d.review?.submittedAt))
        r.set("复核状态", d.review?.status.label ?? "未开始")
        let team = d.review?.team ?? []
        let leader = team.first { $0.role == .leader }
        r.set("复核组长", leader.map(DocText.person) ?? "（未指定）")
        r.set("复核成员", DocText.list(team.filter { $0.role != .leader }.map(DocText.person), empty: "（未指定）"))
        r.set("复核组", list: team.map { m in
            TemplateRecord(["姓名": .text(m.name), "职务": .text(m.title ?? ""), "单位": .text(m.org ?? ""), "角色": .text(m.role.label)])
        })
        r.set("报送对象", issuer ?? "复核组")
        r.set("联系人", leader.map { "复核组组长\(DocText.person($0))" } ?? "")
        r.set("生成日期", DocText.date(today))
    }
}
