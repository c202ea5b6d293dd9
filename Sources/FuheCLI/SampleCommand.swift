import ArgumentParser
import Foundation
import FuheCore
import FuheStore
import TermCore

/// `fuhe sample`: 抽查 — selects a ratio of the received self-evaluations of a year for review,
/// at random or weighted by risk, reproducibly from a seed, and records the selection (with its
/// method, ratio and seed) in the journal as one batch.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sample",
        abstract: tr("抽查：从已收到的自评中抽取复核对象（随机或按风险加权），可复现，记入日志。", "抽查: select received self-evaluations for review (random or risk-weighted), reproducibly, recorded in the journal."))

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp(tr("抽取比例：0.3 或 30%（向上取整；至少一个）。", "The share to select: 0.3 or 30% (rounded up; at least one)."), valueName: "ratio"))
    var ratio: String

    @Flag(help: ArgumentHelp(tr("按风险加权：在基数 1 之上，加上一次复核的差异（每 5 分计 1）和逾期整改事项（每项计 1）。", "Weight by risk: the unit's deviation in its previous review (1 per 5 points) and its overdue items (1 each), on top of 1.")))
    var risk = false

    @Option(help: ArgumentHelp(tr("随机种子（同一种子抽出同样的单位）；默认新取一个，打印并记录。", "The seed (the same seed selects the same units); default: a new one, printed and recorded."), valueName: "N"))
    var seed: UInt64?

    @Option(help: ArgumentHelp(tr("抽取哪一年度已收到的自评（默认最近一年）。", "The fiscal year whose received self-evaluations are sampled (default: the latest)."), valueName: "year"))
    var year: Int?

    @Flag(help: ArgumentHelp(tr("只显示抽取结果，不记录。", "Show the selection without recording it.")))
    var dryRun = false

    func run() throws {
        guard let r = Self.parseRatio(ratio) else { throw ValidationError("--ratio must be a share between 0 and 1, such as 0.3 or 30%") }
        let store = try options.open()
        guard let (y, candidates) = try store.samplingCandidates(year: year), !candidates.isEmpty else {
            throw CLIFailure("没有待抽取的自评报告（状态为“已报送”）\(year.map { "：\($0) 年度" } ?? "")")
        }
        let seed = self.seed ?? UInt64.random(in: 1...999_999)
        let selection = Sampling.select(candidates, ratio: r, method: risk ? .risk : .random, seed: seed)
        var table = TextTable(columns: [.init("抽取"), .init("编号"), .init("单位", maxWidth: 28), .init("上年差异", align: .right),
                                        .init("逾期事项", align: .right), .init("权重", align: .right)])
        let chosen = Set(selection.selected)
        for c in candidates.sorted(by: { (chosen.contains($0.dossierID) ? 0 : 1, $0.dossierID) < (chosen.contains($1.dossierID) ? 0 : 1, $1.dossierID) }) {
            table.addRow([chosen.contains(c.dossierID) ? "✓" : "", c.dossierID, c.unitName, c.pastDeviation?.description ?? "—",
                          String(c.overdueItems), risk ? ExactDecimal.plain(c.riskWeight) : "1"])
        }
        print(table.render())
        let summary = "\(y) 年度：\(candidates.count) 个已报送，抽取 \(selection.selected.count) 个（\(selection.method.label)，比例 \(r)，种子 \(seed)）"
        if dryRun {
            print(summary + "；未记录（--dry-run）")
            return
        }
        let batch = try store.recordSampling(selection, year: y, actor: options.actorName, session: "sample-\(UUID().uuidString.prefix(8))")
        print(summary + "；已记入日志 #\(batch)")
    }

    /// "0.3" or "30%" → 0.3; nil outside (0, 1].
    static func parseRatio(_ text: String) -> Decimal? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let value = t.hasSuffix("%") ? ExactDecimal.parse(String(t.dropLast())).map { $0 / 100 } : ExactDecimal.parse(t)
        guard let value, value > 0, value <= 1 else { return nil }
        return value
    }
}
