import ArgumentParser
import Foundation
import FuheFiles
import FuheCore
import FuheStore
import FuheWire

/// `fuhe checkout`: writes an offline copy of some units for a site inspection and records the lease.
struct CheckoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout", abstract: tr("借出部分单位的离线副本（供没有网络的现场使用）；用 fuhe merge 合并回来。", "Write an offline copy of some units (for a site without network); merge it back with `fuhe merge`."),
        discussion: tr("用 --unit（档案编号、单位编号，或中文/拼音名称）和/或 --filter（overdue、flagged、type=项目支出|部门整体支出|专项资金、status=复核中|待确认|已定稿，也可用英文 project|dept|special、draft|submitted|finalized）选择单位。副本用 fuhe --store 文件 打开。",
                       "Units are chosen by --unit (dossier id, unit id, or name in Chinese or pinyin) and/or --filter (overdue, flagged, type=project|dept|special, status=draft|submitted|finalized; Chinese names work too). The copy opens with `fuhe --store FILE`."))

    @OptionGroup var options: StoreOptions

    @Option(name: .long, help: ArgumentHelp(tr("要借出的单位（编号或名称）；可重复。", "A unit to take (id or name); repeatable."), valueName: "unit"), completion: UnitResolver.completion)
    var unit: [String] = []

    @Option(name: .long, help: ArgumentHelp(tr("借出所有符合条件的单位：overdue、flagged、type=…、status=…；可重复（须全部符合）。", "Take every unit matching: overdue, flagged, type=…, status=…; repeatable (all must match)."), valueName: "filter"),
            completion: .list(["overdue", "flagged"] + EvalType.allNames.map { "type=\($0)" } + ReviewStage.allNames.map { "status=\($0)" }))
    var filter: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp(tr("副本文件（不得已存在）。", "The copy's file (must not exist)."), valueName: "file"), completion: .file(extensions: ["sqlite"]))
    var out: String

    @Flag(help: ArgumentHelp(tr("副本文件已存在时覆盖它（数据库永远不会被覆盖）。", "Replace the copy's file if it exists (a database is never replaced).")))
    var force = false

    @Option(name: .customLong("to"), help: ArgumentHelp(tr("谁拿走副本（默认：--as）。", "Who takes the copy (default: --as)."), valueName: "name"))
    var holder: String?

    @OptionGroup var remote: ServerOptions

    func run() throws {
        try OutputFile.check(out, force: force)
        if remote.server != nil {
            let client = try remote.client()
            let ids = try RemoteCopies.resolve(unit, filter: filter.isEmpty ? nil : try Self.parse(filter), client: client)
            guard !ids.isEmpty else { throw ValidationError(tr("请用 --unit 或 --filter 选择单位", "choose units with --unit or --filter")) }
            let me: AccountInfo = try RemoteCopies.call(client, "GET", "/v1/me")
            return try RemoteCopies.checkout(client: client, server: try remote.url(), ids: ids, out: out, force: force, holder: holder ?? me.displayName,
                                             actor: me.displayName)
        }
        let store = try options.open(createIfMissing: false)
        var ids = try unit.map { try UnitResolver.resolve($0, in: store) }
        if !filter.isEmpty {
            let matching = try store.unitList(today: store.today, filter: try Self.parse(filter)).map(\.dossierID)
            guard !matching.isEmpty else { throw CLIFailure(tr("没有单位符合 --filter \(filter.joined(separator: " "))", "no unit matches --filter \(filter.joined(separator: " "))")) }
            ids += matching
        }
        guard !ids.isEmpty else { throw ValidationError(tr("请用 --unit 或 --filter 选择单位", "choose units with --unit or --filter")) }
        let names = Dictionary(try store.dossierNames().map { ($0.dossierID, $0.unitName) }, uniquingKeysWith: { a, _ in a })
        let leased = try store.leasedDossiers()
        for id in Set(ids).sorted() {
            for other in leased[id] ?? [] {
                Console.error(tr("注意：\(names[id] ?? id) 已借出给 \(other.holder)（\(other.id)，\(other.sinceDay) 起，\(other.outPath)）；两份副本改了同一字段时，后合并的一份要逐个决定冲突",
                                 "note: \(names[id] ?? id) is already out to \(other.holder) (\(other.id), since \(other.sinceDay), \(other.outPath)); where both copies change one field, the one merged second decides each conflict"))
            }
        }
        let lease = try store.checkout(dossierIDs: ids, to: out, holder: holder ?? options.actorName, actor: options.actorName, force: force)
        let taken = lease.dossierIDs.map { names[$0] ?? $0 }
        Console.line(tr("已把 \(lease.dossierIDs.count) 个单位借出到 \(out)（借出 \(lease.id)，借给 \(lease.holder)）：\(taken.joined(separator: "、"))",
                        "checked out \(lease.dossierIDs.count) unit(s) to \(out) as lease \(lease.id) for \(lease.holder): \(taken.joined(separator: "、"))"))
        Console.line(tr("打开：fuhe --store \(out)；合并回来：fuhe merge \(out)", "open it with: fuhe --store \(out); bring it back with: fuhe merge \(out)"))
    }

    static func parse(_ filters: [String]) throws -> UnitFilter {
        var f = UnitFilter()
        for text in filters {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts.first ?? "", parts.count > 1 ? parts[1] : nil) {
            case ("overdue", nil): f.overdueOnly = true
            case ("flagged", nil): f.flaggedOnly = true
            case ("type", let t?): f.evalType = try Choices.parse(t, as: EvalType.self, option: "--filter type")
            case ("status", let s?): f.reviewStage = try Choices.parse(s, as: ReviewStage.self, option: "--filter status")
            default:
                throw ValidationError(tr("--filter \(text)：可用 overdue、flagged、type=\(EvalType.choicesText) 或 status=\(ReviewStage.choicesText)",
                                         "--filter \(text): use overdue, flagged, type=… (\(EvalType.choicesText)) or status=… (\(ReviewStage.choicesText))"))
            }
        }
        return f
    }
}
