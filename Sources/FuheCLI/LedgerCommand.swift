import ArgumentParser
import Foundation
import FuheCore
import FuheExchange
import FuheStore

/// `fuhe ledger`: the rectification ledger (整改台账) as CSV for Excel/WPS (UTF-8 with BOM).
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: tr("输出整改台账 CSV（UTF-8 带 BOM，Excel 和 WPS 可直接打开）。", "Write the rectification ledger (整改台账) as CSV (UTF-8 with BOM, opens in Excel and WPS)."))

    @OptionGroup var options: StoreOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(tr("写入这个文件（不存在时新建，mode 0600），而不是标准输出。", "Write to this file (created, mode 0600) instead of standard output."), valueName: "file"),
            completion: .file(extensions: ["csv"]))
    var out: String?

    @Flag(help: ArgumentHelp(tr("--out 的文件已存在时覆盖它（数据库和库的日志文件永远不会被覆盖）。", "Replace the --out file if it exists (a database or a store's log file is never replaced).")))
    var force = false

    @Option(name: .long, help: ArgumentHelp(tr("只输出这个单位；可重复。", "Only this unit; repeatable."), valueName: "unit"), completion: UnitResolver.completion)
    var unit: [String] = []

    func run() throws {
        if let out { try OutputFile.check(out, force: force) }
        let store = try options.open()
        let ids = unit.isEmpty ? try store.dossierIDs() : try unit.map { try UnitResolver.resolve($0, in: store) }
        let bytes = Ledger.csv(try ids.map { try store.dossier(id: $0) }, today: store.today)
        if let out {
            try OutputFile.write(bytes, to: out, force: force)
        } else {
            Console.data(bytes)
        }
    }
}
