import Foundation
import FuheCore

/// The fields of the 复核结果通报 across units: how many, average self vs review total, grade
/// changes (a table and a chart), the largest deviations, findings by category, closure and
/// overdue figures, and a table of every unit. The figures are `CycleSummary`'s.
public enum CycleReportContent {
    public static let schema = FieldSchema([
        .text("年度", "评价年度；多个年度时为“2017—2021”"),
        .text("复核组织单位", "组织复核的财政部门：--issuer 所给，否则为过半单位所属评价批次的发文机关，都没有时为“××财政局”（待填）"),
        .text("筛选说明", "生成通报时的筛选条件，如“部门整体支出”；全部单位时为空"),
        .text("统计日期", "统计逾期等情况的日期，如 2026年11月23日"),
        .text("生成日期", "生成文书的日期"),
        .text("单位数", "通报涉及的单位数"),
        .text("类型构成", "按评价类型的单位数，如“项目支出5个、部门整体支出5个”"),
        .text("复核进度", "按复核状态的单位数，如“已定稿3个、复核中4个、未开始4个”"),
        .flag("有可比较单位", "有复核已完成、可与自评比较的单位"),
        .text("已比较单位数", "复核已完成且有自评总分的单位数"),
        .text("自评平均分", "这些单位的自评总分平均"), .text("复核平均分", "这些单位的复核总分平均"),
        .text("平均差异", "自评平均分－复核平均分，如 +3.25"),
        .text("平均差异说明", "“高3.25分”“低1.00分”或“持平”"),
        .text("等次变化单位数", "自评等次与复核等次不同的单位数"),
        .list("等次分布", "每个等次的自评与复核单位数", [
            .text("等次", "优、良、中、差…"), .text("自评单位数", "自评为该等次的单位数"), .text("复核单位数", "复核为该等次的单位数"),
        ]),
        .chart("等次分布图", "自评与复核等次分布柱状图（放在单独一段）"),
        .list("等次转移", "自评等次→复核等次的单位数（只列有单位的组合）", [
            .text("自评等次", "自评等次"), .text("复核等次", "复核等次"), .text("单位数", "单位数"), .flag("有变化", "两个等次不同"),
        ]),
        .flag("有等次变化", "有等次变化的单位"),
        .list("等次变化", "等次变化的单位，按单位名称拼音", UnitRow.schema),
        .list("偏差排名", "自评与复核差异绝对值最大的单位（至多 10 个）", UnitRow.schema),
        .flag("有问题", "发现了问题"),
        .text("问题总数", "发现问题总数"), .text("问题总金额", "问题涉及金额合计（万元）"),
        .list("问题类别", "按类别统计的问题，问题多的在前", [
            .text("问题类别", "类别"), .text("问题数", "问题数"), .text("涉及单位数", "涉及单位数"), .text("涉及金额", "涉及金额（万元）"),
        ]),
        .text("整改事项总数", "整改事项总数"), .text("已整改数", "已销号的事项数"), .text("正在整改数", "整改中或待销号的事项数"),
        .text("持续整改数", "持续整改的事项数"), .text("未整改数", "待整改或已逾期的事项数"),
        .flag("有已撤销", "有已撤销的事项"), .text("已撤销数", "已撤销的事项数"),
        .text("整改完成率", "已整改÷（总数－已撤销），如 25.00%；无事项时为“—”"),
        .flag("有逾期", "有逾期事项"), .text("逾期事项数", "逾期事项数"), .text("临期事项数", "7 天内到期的事项数"),
        .list("逾期单位", "有逾期事项的单位，逾期多的在前", [
            .text("序号", "1、2…"), .text("单位名称", "单位"), .text("逾期事项数", "逾期事项数"), .text("未完成事项数", "未完成事项数"),
        ]),
        .list("汇总表", "全部单位，按单位名称拼音", UnitRow.schema),
    ])

    /// What the report covers besides the figures.
    public struct Context: Sendable {
        public var issuer: String?
        public var filterText: String
        public var today: CalendarDay
        public init(issuer: String?, filterText: String, today: CalendarDay) {
            self.issuer = issuer
            self.filterText = filterText
            self.today = today
        }
    }

    public static func record(_ s: CycleSummary, followUps: [DossierFollowUp], context: Context) -> TemplateRecord {
        var r = TemplateRecord()
        let names = Dictionary(followUps.map { ($0.dossierID, $0.unit.name) }, uniquingKeysWith: { a, _ in a })
        let name = { (u: UnitSummary) in names[u.dossierID] ?? u.unitName }
        let years = Set(s.units.map(\.fiscalYear))
        r.set("年度", years.count <= 1 ? years.first.map(String.init) ?? "" : "\(years.min() ?? 0)—\(years.max() ?? 0)")
        r.set("复核组织单位", context.issuer ?? majorityIssuer(followUps) ?? "××财政局")
        r.set("筛选说明", context.filterText)
        r.set("统计日期", DocText.date(context.today))
        r.set("生成日期", DocText.date(context.today))
        r.set("单位数", String(s.units.count))
        r.set("类型构成", DocText.list(s.byType.map { "\($0.type.label)\($0.count)个" }, empty: "无"))
        r.set("复核进度", DocText.list(s.byReviewStatus.map { "\($0.status?.label ?? "未开始")\($0.count)个" }, empty: "无"))
        r.set("有可比较单位", flag: !s.comparisons.isEmpty)
        r.set("已比较单位数", String(s.comparisons.count))
        r.set("自评平均分", DocText.score(s.averageSelf))
        r.set("复核平均分", DocText.score(s.averageReview))
        r.set("平均差异", DocText.diff(s.averageDiff))
        r.set("平均差异说明", s.averageDiff.map { d in
            d.hundredths > 0 ? "高\(d)分" : d.hundredths < 0 ? "低\(Score(hundredths: -d.hundredths))分" : "持平"
        } ?? "")
        r.set("等次变化单位数", String(s.gradeChanges.count))
        r.set("等次分布", list: s.gradeLabels.map { label in
            TemplateRecord(["等次": .text(label), "自评单位数": .text(String(s.selfGradeCounts[label] ?? 0)),
                            "复核单位数": .text(String(s.reviewGradeCounts[label] ?? 0))])
        })
        r["等次分布图"] = .chart(ChartSpec(
            title: "自评与复核等次分布（\(s.comparisons.count)个单位）", categories: s.gradeLabels,
            series: [.init(name: "自评等次", values: s.gradeLabels.map { Decimal(s.selfGradeCounts[$0] ?? 0) }),
                     .init(name: "复核等次", values: s.gradeLabels.map { Decimal(s.reviewGradeCounts[$0] ?? 0) })],
            widthMM: 140, heightMM: 62))
        var transitions: [TemplateRecord] = []
        for from in s.gradeLabels {
            for to in s.gradeLabels {
                guard let n = s.gradeMatrix[from]?[to], n > 0 else { continue }
                transitions.append(TemplateRecord(["自评等次": .text(from), "复核等次": .text(to), "单位数": .text(String(n)),
                                                   "有变化": .flag(from != to)]))
            }
        }
        r.set("等次转移", list: transitions)
        r.set("有等次变化", flag: !s.gradeChanges.isEmpty)
        r.set("等次变化", list: s.gradeChanges.enumerated().map { UnitRow.record($1.summary, $1, number: $0 + 1, name: name($1.summary)) })
        r.set("偏差排名", list: s.byDeviation.prefix(10).enumerated().map {
            UnitRow.record($1.summary, $1, number: $0 + 1, name: name($1.summary))
        })
        r.set("有问题", flag: s.findingCount > 0)
        r.set("问题总数", String(s.findingCount))
        r.set("问题总金额", s.findingAmount?.formatted() ?? "超出可计算范围")
        r.set("问题类别", list: s.categories.map { c in
            TemplateRecord(["问题类别": .text(c.category.label), "问题数": .text(String(c.findings)),
                            "涉及单位数": .text(String(c.units)), "涉及金额": .text(c.amount?.formatted() ?? "超出可计算范围")])
        })
        let count = { (label: String) in String(s.itemsByLabel[label] ?? 0) }
        r.set("整改事项总数", String(s.itemCount))
        r.set("已整改数", count("已整改"))
        r.set("正在整改数", count("正在整改"))
        r.set("持续整改数", count("持续整改"))
        r.set("未整改数", count("未整改"))
        r.set("有已撤销", flag: (s.itemsByLabel[RectStatus.withdrawn.label] ?? 0) > 0)
        r.set("已撤销数", count(RectStatus.withdrawn.label))
        r.set("整改完成率", s.closureRate.map { DocText.percent($0) } ?? "—")
        r.set("有逾期", flag: s.overdueItems > 0)
        r.set("逾期事项数", String(s.overdueItems))
        r.set("临期事项数", String(s.dueSoonItems))
        r.set("逾期单位", list: s.overdueUnits.enumerated().map { n, entry in
            TemplateRecord(["序号": .text(String(n + 1)), "单位名称": .text(name(entry.summary)),
                            "逾期事项数": .text(String(entry.overdue)), "未完成事项数": .text(String(entry.summary.openItems))])
        })
        let comparisons = Dictionary(s.comparisons.map { ($0.summary.dossierID, $0) }, uniquingKeysWith: { a, _ in a })
        r.set("汇总表", list: s.units.enumerated().map { n, u in UnitRow.record(u, comparisons[u.dossierID], number: n + 1, name: name(u)) })
        return r
    }

    /// The issuer of more than half of the units' cycles, if one is.
    static func majorityIssuer(_ followUps: [DossierFollowUp]) -> String? {
        var counts: [String: Int] = [:]
        for f in followUps { if let i = f.cycle.issuer, !i.isEmpty { counts[i, default: 0] += 1 } }
        return counts.first { $0.value * 2 > followUps.count }?.key
    }
}

/// One unit in a 通报 table.
enum UnitRow {
    static let schema: [FieldSchema.Field] = [
        .text("序号", "1、2…"), .text("单位名称", "单位"), .text("评价类型", "评价类型"), .text("复核状态", "复核状态"),
        .text("自评得分", "自评总分"), .text("复核得分", "复核总分（未完成标“*”）"), .text("差异", "自评－复核"),
        .text("偏差率", "差异÷复核总分"), .text("自评等次", "自评等次"), .text("复核等次", "复核等次"),
        .text("整改事项", "未完成/全部事项数，如 2/4"), .text("逾期事项数", "逾期事项数"),
    ]

    static func record(_ u: UnitSummary, _ c: CycleSummary.Comparison?, number: Int, name: String) -> TemplateRecord {
        let review = u.reviewTotal.map { u.reviewComplete ? $0.description : $0.description + "*" } ?? ""
        return TemplateRecord([
            "序号": .text(String(number)), "单位名称": .text(name), "评价类型": .text(u.evalType.label),
            "复核状态": .text(u.reviewStatus?.label ?? "未开始"), "自评得分": .text(DocText.score(u.selfTotal)),
            "复核得分": .text(review), "差异": .text(DocText.diff(c?.deviation.diff)),
            "偏差率": .text(DocText.percent(c?.deviation.rate)), "自评等次": .text(u.selfGrade ?? ""),
            "复核等次": .text(u.reviewComplete ? u.reviewGrade ?? "" : ""),
            "整改事项": .text(u.totalItems > 0 ? "\(u.openItems)/\(u.totalItems)" : ""), "逾期事项数": .text(u.overdueItems > 0 ? String(u.overdueItems) : ""),
        ])
    }
}
