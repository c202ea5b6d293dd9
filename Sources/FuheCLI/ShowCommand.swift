import ArgumentParser
import Foundation
import FuheCore
import FuheExchange
import FuheStore
import TermCore

/// `fuhe show UNIT`: the scoresheet as an aligned table with self, suggested and review scores,
/// Δ, flags, and the dossier's validation messages.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: tr("显示一个单位的评分表：自评、建议、复核得分，标记和校验提示。", "Show a unit's scoresheet: self, suggested and review scores, flags and validation messages."))

    @OptionGroup var options: StoreOptions

    @Argument(help: ArgumentHelp(tr("档案编号、单位编号，或单位名称的一部分（中文、拼音或拼音首字母，繁简皆可）。", "Dossier id, unit id, or part of the unit name (Chinese, pinyin or initials; traditional or simplified)."), valueName: "unit"),
              completion: UnitResolver.completion)
    var unit: String

    func run() throws {
        let store = try options.open()
        let id = try UnitResolver.resolve(unit, in: store)
        let dossier = try store.dossier(id: id)
        let scheme = try store.gradeSchemes()[dossier.template.gradeSchemeID] ?? .mof4
        Console.line(ScoresheetText.render(dossier, scored: DossierScorer.score(dossier, scheme: scheme), today: store.today))
    }
}

/// Plain-text scoresheet (used by `fuhe show`).
enum ScoresheetText {
    static func render(_ d: Dossier, scored: ScoredDossier, today: CalendarDay) -> String {
        var lines: [String] = []
        let year = d.cycle.yearIsDemo ? "\(d.cycle.fiscalYear)(示例年度)" : "\(d.cycle.fiscalYear)"
        lines.append("\(d.unit.name) · \(year) · \(d.evaluation.evalType.label) · 模板 \(d.template.id) \(d.template.name)")
        if d.evaluation.objectName != d.unit.name { lines.append("评价对象：\(d.evaluation.objectName)") }
        let stated = d.evaluation.statedTotals.map(\.description).joined(separator: " / ")
        lines.append("自评总分（报告）：\(stated.isEmpty ? "未填" : stated)　自评等次：\(d.evaluation.statedGrade ?? "未填")　复核状态：\(d.review?.status.label ?? "未开始")")
        lines.append("")
        var table = TextTable(columns: [
            .init("编码"), .init("指标", maxWidth: 30), .init("分值", align: .right), .init("方法"), .init("目标", maxWidth: 14),
            .init("实际", maxWidth: 14), .init("核实", maxWidth: 14), .init("自评", align: .right), .init("建议", align: .right),
            .init("复核", align: .right), .init("差异", align: .right), .init("理由"), .init("佐证", align: .right), .init("标记", maxWidth: 24),
        ])
        let parents = d.template.parentIDs
        for node in d.template.nodes {
            let r = d.result(for: node.id)
            let isLeaf = !parents.contains(node.id)
            let row = scored.rows[node.id]
            let indent = String(repeating: "  ", count: node.level - 1)
            let weight: String = switch node.kind {
            case .base: node.weight.description
            case .adjust: "±"
            case .trial: "试"
            }
            let selfScore = isLeaf ? r.selfScore : (r.selfScore ?? scored.score(node.id, .selfStated).value)
            let parentText = { (view: ScoreView) in scored.score(node.id, view).value == nil ? "" : scored.score(node.id, view).text }
            let flags = (row?.flags ?? []) + scored.messages.filter { $0.nodeID == node.id && !(row?.flags ?? []).contains($0) }
            table.addRow([node.code, indent + node.name, weight, isLeaf ? node.method.label : "", r.target?.text ?? "",
                          r.actual?.text ?? "", r.verifiedActual?.text ?? "", selfScore?.description ?? "",
                          isLeaf ? (row?.suggestion?.description ?? "") : parentText(.suggested),
                          isLeaf ? (r.reviewScore?.description ?? "") : parentText(.review), scored.rowDiff(node.id)?.signedDescription ?? "",
                          (r.deductionReason?.isEmpty == false) ? "✓" : "", r.evidenceIDs.isEmpty ? "" : String(r.evidenceIDs.count),
                          Set(flags.map(\.code)).sorted().joined(separator: " ")])
        }
        lines.append(table.render())
        lines.append("")
        let selfTotal = scored.total(.selfStated)
        let review = scored.total(.review)
        let suggested = scored.total(.suggested)
        func show(_ r: Rollup) -> String { r.text }
        lines.append("合计　自评（按行汇总）\(show(selfTotal))　建议 \(show(suggested))　复核 \(show(review))　复核等次 \(scored.reviewGrade?.label ?? "—")　进度 \(scored.reviewedLeafCount)/\(scored.scorableLeafCount)")
        if [selfTotal, suggested, review].contains(where: { $0.value != nil && !$0.complete }) { lines.append(Rollup.incompleteLegend) }
        if let dev = scored.deviation {
            let rate = dev.rate.map { ExactDecimal.format($0, places: 2) + "%" } ?? "—"
            lines.append("偏差　自评 \(dev.selfTotal) − 复核 \(dev.reviewTotal) = \(dev.diff.signedDescription)（偏差率 \(rate)）\(dev.gradeChanged ? "　等次变化" : "")")
        }
        if !scored.messages.isEmpty {
            lines.append("")
            lines.append("校验提示（\(scored.messages.count)）")
            for m in scored.messages {
                let whereText = m.nodeID.flatMap { d.template.node(id: $0) }.map { " [\($0.code) \($0.name)]" } ?? ""
                lines.append("  \(m.code) \(m.level == .error ? "错误" : "提示")\(whereText) \(m.message)")
            }
        }
        if !d.items.isEmpty {
            lines.append("")
            lines.append("整改事项（\(d.items.filter { $0.status.isOpen }.count) 项未完成）")
            for item in d.items {
                lines.append("  \(item.seq). [\(item.status.label)] \(item.measure.truncated(toWidth: 40)) · \(item.respUnit)/\(item.respPerson) · 时限 \(Deadlines.due(item, today: today).summary)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
