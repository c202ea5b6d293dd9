import FuheCore

/// The fields of the 复核意见书: the unit and review team, the summary (self → review total and
/// grade, Δ by first-level indicator, the rows that changed most and why), the whole scoresheet,
/// the findings and the rectification requirements. Every score, total, grade and deviation is
/// the scoring engine's (`ScoredDossier`); nothing is recomputed here.
public enum ReviewOpinionContent {
    public static let schema = FieldSchema(UnitFields.schema + [
        .flag("复核未完成", "仍有应复核的指标未复核（复核总分为阶段性结果）"),
        .text("已复核项数", "已复核的计分指标数"),
        .text("应复核项数", "应复核的计分指标数"),
        .text("自评总分", "单位最终自评总分（报告所列最后一个总分，未列时为各指标自评分之和）；无则为“未填报”"),
        .text("自评等次", "单位自评等次（报告所写，未写时按自评总分评定）"),
        .text("复核总分", "复核总分；复核未完成时为已复核部分之和并标“*”"),
        .text("复核等次", "复核等次（复核完成后评定，否则为“—”）"),
        .text("满分", "指标体系基础分，通常为 100.00"),
        .text("总分差异", "自评总分－复核总分，如 +4.50；不能比较时为“—”"),
        .text("偏差率", "总分差异÷复核总分，如 5.26%；不能比较时为“—”"),
        .flag("等次变化", "复核等次与自评等次不同"),
        .text("结论摘要", "一段话：自评与复核总分、等次及其变化"),
        .text("复核结论", "复核组填写的复核结论（可为空）"),
        .list("一级指标", "各一级指标（不含试评价指标）", [
            .text("指标编码", "如 1"), .text("指标名称", "如 投入"), .text("分值", "分值；加减分指标为“±”"),
            .text("自评得分", "自评得分"), .text("复核得分", "复核得分（未完成标“*”）"), .text("差异", "自评－复核"),
        ]),
        .text("无变化说明", "没有差异时的说明：一致，或尚不能逐项比较的原因"),
        .list("主要变化", "自评与复核有差异的指标（取能看出差异的最下一级，至多 5 项，按差异绝对值排序）", [
            .text("序号", "1、2…"), .text("指标编码", "如 1.1.1"), .text("指标名称", "指标名称"), .text("分值", "分值"),
            .text("自评得分", "自评得分"), .text("复核得分", "复核得分"), .text("差异", "自评－复核"),
            .text("扣分原因", "复核组填写的扣分原因；上级指标为其下扣分指标的原因"),
        ]),
        .list("评分表", "完整评分表，按指标体系顺序，每个指标一行", [
            .text("指标编码", "如 2.1.3"), .text("指标名称", "指标名称"), .text("层级", "1、2、3…"),
            .text("缩进", "按层级缩进的全角空格，放在指标名称前"), .flag("一级", "是一级指标"), .flag("末级", "是末级（计分）指标"),
            .text("分值", "分值；加减分指标“±”，试评价指标“试”"), .text("自评得分", "自评得分（上级指标为下级之和或报告所列小计）"),
            .text("建议得分", "按评分方法计算的建议得分"), .text("复核得分", "复核得分（上级指标为下级之和，未完成标“*”）"),
            .text("差异", "自评－复核"), .text("扣分原因", "扣分原因"), .text("目标值", "年度指标值"),
            .text("实际值", "单位填报的实际完成值"), .text("核实值", "复核核实的实际值"),
        ]),
        .text("问题数", "发现问题的个数"),
        .list("发现问题", "复核发现的问题，按序号", FindingFields.schema),
        .flag("有整改事项", "有整改事项"),
        .list("整改事项", "全部整改事项，按台账序号", ItemFields.schema),
    ])

    /// The 意见书's values for a scored dossier on `today`.
    public static func record(_ d: Dossier, scored: ScoredDossier, today: CalendarDay) -> TemplateRecord {
        var r = TemplateRecord()
        UnitFields.fill(&r, d, today: today)
        let reviewTotal = scored.total(.review)
        let incomplete = !reviewTotal.complete
        r.set("复核未完成", flag: incomplete)
        r.set("已复核项数", String(scored.reviewedLeafCount))
        r.set("应复核项数", String(scored.scorableLeafCount))
        let selfGrade = d.evaluation.statedGrade ?? scored.selfGrade?.label
        r.set("自评总分", scored.selfTotalUsed?.description ?? "未填报")
        r.set("自评等次", selfGrade ?? "未评定")
        r.set("复核总分", DocText.rollup(reviewTotal).isEmpty ? "—" : DocText.rollup(reviewTotal))
        r.set("复核等次", scored.reviewGrade?.label ?? "—")
        r.set("满分", d.template.baseTotal.description)
        r.set("总分差异", scored.deviation.map { DocText.diff($0.diff) } ?? "—")
        r.set("偏差率", scored.deviation?.rate.map { DocText.percent($0) } ?? "—")
        r.set("等次变化", flag: gradeChanged(selfGrade, scored))
        r.set("结论摘要", summary(d, scored, selfGrade: selfGrade))
        r.set("复核结论", d.review?.conclusion ?? "")
        r.set("一级指标", list: d.template.nodes.filter { $0.parentID == nil && $0.kind != .trial }.map { node in
            TemplateRecord(["指标编码": .text(node.code), "指标名称": .text(node.name), "分值": .text(DocText.weight(node)),
                            "自评得分": .text(DocText.rollup(scored.score(node.id, .selfStated))),
                            "复核得分": .text(DocText.rollup(scored.score(node.id, .review))),
                            "差异": .text(DocText.diff(scored.rowDiff(node.id)))])
        })
        r.set("主要变化", list: largestChanges(d, scored))
        r.set("无变化说明", noChangeText(d, scored))
        r.set("评分表", list: ScoresheetRows.records(d, scored))
        r.set("问题数", String(d.findings.count))
        r.set("发现问题", list: FindingFields.records(d))
        r.set("有整改事项", flag: !d.items.isEmpty)
        r.set("整改事项", list: ItemFields.records(d, items: DossierFollowUp(d).itemsInOrder, today: today))
        return r
    }

    /// Where self and review differ, at the lowest level the difference shows (a leaf, or a parent
    /// whose leaves carry no self scores), largest |Δ| first (ties in sheet order), at most 5. The
    /// reason is the row's own, else those of the leaves below it that lost points.
    static func largestChanges(_ d: Dossier, _ scored: ScoredDossier) -> [TemplateRecord] {
        let template = d.template
        var children: [String: [IndicatorNode]] = [:]
        for node in template.nodes { if let p = node.parentID { children[p, default: []].append(node) } }
        func differs(_ id: String) -> Bool { (scored.rowDiff(id) ?? .zero) != .zero }
        func anyBelowDiffers(_ id: String) -> Bool {
            (children[id] ?? []).contains { differs($0.id) || anyBelowDiffers($0.id) }
        }
        func leaves(_ node: IndicatorNode) -> [IndicatorNode] {
            guard let kids = children[node.id], !kids.isEmpty else { return [node] }
            return kids.flatMap(leaves)
        }
        let changed = template.nodes.enumerated().compactMap { i, node -> (Int, IndicatorNode, Score)? in
            guard let diff = scored.rowDiff(node.id), diff != .zero, !anyBelowDiffers(node.id) else { return nil }
            return (i, node, diff)
        }
        let top = changed.sorted { a, b in
            abs(a.2.hundredths) != abs(b.2.hundredths) ? abs(a.2.hundredths) > abs(b.2.hundredths) : a.0 < b.0
        }.prefix(5)
        return top.enumerated().map { n, entry in
            let (_, node, diff) = entry
            let row = d.result(for: node.id)
            var reason = row.deductionReason ?? ""
            if reason.isEmpty {
                reason = leaves(node).compactMap { leaf -> String? in
                    guard leaf.id != node.id, let text = d.result(for: leaf.id).deductionReason, !text.isEmpty else { return nil }
                    return "\(leaf.code) \(leaf.name)：\(text)"
                }.joined(separator: "；")
            }
            if reason.isEmpty { reason = row.reviewNote ?? "" }
            return TemplateRecord(["序号": .text(String(n + 1)), "指标编码": .text(node.code), "指标名称": .text(node.name),
                                   "分值": .text(DocText.weight(node)),
                                   "自评得分": .text(DocText.rollup(scored.score(node.id, .selfStated))),
                                   "复核得分": .text(DocText.rollup(scored.score(node.id, .review))), "差异": .text(DocText.diff(diff)),
                                   "扣分原因": .text(reason)])
        }
    }

    /// What the document says when no row differs.
    static func noChangeText(_ d: Dossier, _ scored: ScoredDossier) -> String {
        let comparable = d.template.nodes.contains { scored.rowDiff($0.id) != nil }
        if comparable { return "已复核的指标中，复核得分与自评得分一致。" }
        if scored.reviewedLeafCount == 0 { return "尚无已复核的指标，暂不能逐项比较。" }
        return "单位未填报可与复核得分比较的分项自评得分，暂不能逐项比较。"
    }

    /// The grade the unit gave (as written, else derived from its total) differs from the review grade.
    static func gradeChanged(_ selfGrade: String?, _ scored: ScoredDossier) -> Bool {
        guard let from = selfGrade, let to = scored.reviewGrade?.label else { return false }
        return from != to
    }

    /// One paragraph stating the totals, the grades and their change.
    static func summary(_ d: Dossier, _ scored: ScoredDossier, selfGrade: String?) -> String {
        let selfPart: String
        if let s = scored.selfTotalUsed {
            selfPart = "你单位自评总分\(s)分" + (selfGrade.map { "，自评等次为“\($0)”" } ?? "")
        } else {
            selfPart = "你单位自评报告未填报综合得分" + (selfGrade.map { "，自评等次为“\($0)”" } ?? "")
        }
        let review = scored.total(.review)
        guard review.complete, let reviewTotal = review.value else {
            let progress = "已复核\(scored.reviewedLeafCount)/\(scored.scorableLeafCount)项"
            return selfPart + "。复核尚未完成（\(progress)），复核总分和等次待复核完成后确定。"
        }
        var text = selfPart + "。经复核，复核总分\(reviewTotal)分"
        if let grade = scored.reviewGrade { text += "，复核等次为“\(grade.label)”" }
        if let dev = scored.deviation {
            let magnitude = Score(hundredths: abs(dev.diff.hundredths))
            let direction = dev.diff.hundredths > 0 ? "自评高于复核\(magnitude)分" : dev.diff.hundredths < 0 ? "自评低于复核\(magnitude)分" : "自评与复核总分一致"
            text += "，\(direction)"
            if dev.diff != .zero, let rate = dev.rate { text += "（偏差率\(DocText.percent(rate))）" }
            if gradeChanged(selfGrade, scored), let from = selfGrade, let to = scored.reviewGrade?.label {
                text += "，等次由“\(from)”调整为“\(to)”"
            }
        }
        return text + "。"
    }
}
