import ArgumentParser
import FuheCore
import FuheStore
import TermCore

/// `fuhe list`: the unit list with totals, Δ, grade and rectification counts, in pinyin order.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: tr("列出单位：年度、类型、自评/复核总分、差异、等次、未完成/逾期整改。", "List units: year, type, self/review totals, Δ, grade, open/overdue items."))

    @OptionGroup var options: StoreOptions

    @OptionGroup var filters: UnitFilterOptions

    func run() throws {
        let filter = try filters.filter()
        let store = try options.open()
        let units = try store.unitList(filter: filter)
        Console.line(Self.render(units))
    }

    static func render(_ units: [UnitSummary]) -> String {
        var table = TextTable(columns: [
            .init("编号"), .init("单位", maxWidth: 28), .init("年度"), .init("类型"), .init("复核状态"),
            .init("自评", align: .right), .init("复核", align: .right), .init("差异", align: .right), .init("等次"),
            .init("进度", align: .right), .init("整改未完", align: .right), .init("逾期", align: .right),
        ])
        for u in units {
            let review = Rollup.text(value: u.reviewTotal, complete: u.reviewComplete)
            table.addRow([u.dossierID, (u.isSample ? SamplesCommand.marker : "") + u.unitName, u.yearIsDemo ? "\(u.fiscalYear)*" : String(u.fiscalYear), u.evalType.label,
                          u.reviewStatus?.label ?? "未开始", u.selfTotal?.description ?? "—", review, u.delta?.signedDescription ?? "",
                          u.gradeText, "\(u.reviewedRows)/\(u.scorableRows)", String(u.openItems), u.overdueItems > 0 ? String(u.overdueItems) : "0"])
        }
        var out = table.render()
        out += "\n\(units.count) 个单位" + (units.contains { $0.yearIsDemo } ? "；* 年度为示例（原文为“20xx”）" : "")
        if units.contains(where: { $0.reviewTotal != nil && !$0.reviewComplete }) { out += "；" + Rollup.incompleteLegend }
        if units.contains(where: \.isSample) { out += "\n\(SamplesCommand.marker) 为示例数据（不是真实复核），`fuhe samples --remove` 可一并删除" }
        return out
    }
}
