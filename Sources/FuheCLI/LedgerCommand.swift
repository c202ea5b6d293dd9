import ArgumentParser
import Foundation
import FuheCore
import FuheDocuments
import FuheExchange
import FuheFiles
import FuheStore

/// `fuhe ledger`: the rectification ledger (整改台账) as CSV (default; UTF-8 with BOM for Excel and
/// WPS) or as an XLSX workbook with a summary sheet.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: tr("输出整改台账：CSV（UTF-8 带 BOM，Excel 和 WPS 可直接打开）或 XLSX 工作簿。", "Write the rectification ledger (整改台账) as CSV (UTF-8 with BOM, opens in Excel and WPS) or XLSX."))

    @OptionGroup var options: StoreOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(tr("写入这个文件（新建，mode 0600），而不是标准输出（xlsx 必须给出）。", "Write to this file (created, mode 0600) instead of standard output (required for xlsx)."), valueName: "file"),
            completion: .file(extensions: ["csv", "xlsx"]))
    var out: String?

    @Option(name: .long, help: ArgumentHelp(tr("只输出这个单位；可重复。", "Only this unit; repeatable."), valueName: "unit"), completion: UnitResolver.completion)
    var unit: [String] = []

    @Option(help: ArgumentHelp(tr("csv（默认）或 xlsx：冻结表头、筛选、日期为日期、逾期行标出，另有按单位和状态的汇总表。", "csv (default) or xlsx: frozen header, filters, dates as dates, overdue rows marked, a summary sheet by unit and status."), valueName: "format"),
            completion: .list(["csv", "xlsx"]))
    var format = "csv"

    @Flag(help: ArgumentHelp(tr("--out 的文件已存在时覆盖它（数据库和库的日志文件永远不会被覆盖）。", "Replace the --out file if it exists (a database or a store's log file is never replaced).")))
    var force = false

    func validate() throws {
        guard format == "csv" || format == "xlsx" else { throw ValidationError(tr("--format 须为 csv 或 xlsx", "--format must be csv or xlsx")) }
        if format == "xlsx" && out == nil { throw ValidationError(tr("--format xlsx 写的是二进制文件：请用 --out 文件.xlsx 给出", "--format xlsx writes a binary file: give it with --out FILE.xlsx")) }
    }

    func run() throws {
        if let out { try OutputFile.check(out, force: force) }
        let store = try options.open()
        let ids = unit.isEmpty ? try store.dossierIDs() : try unit.map { try UnitResolver.resolve($0, in: store) }
        let rows = LedgerRow.rows(try store.followUps(dossierIDs: ids), today: store.today)
        guard let out else {
            Console.data(Ledger.csv(rows))
            return
        }
        let url = URL(fileURLWithPath: out)
        try DocumentBatch.report {
            try OutputFile.write(to: url, force: force) { temp in
                if format == "xlsx" {
                    try LedgerWorkbook.write(rows, today: store.today, to: temp)
                } else {
                    try Data(Ledger.csv(rows)).write(to: temp)
                }
            }
        }
        Console.error(tr("已写入：\(url.path)（\(rows.count) 项整改事项）", "written: \(url.path) (\(rows.count) rectification items)"))
    }
}
