import ArgumentParser
import Foundation
import FuheCore
import FuheDocuments
import FuheExchange
import FuheStore

/// `fuhe ledger`: the rectification ledger (整改台账) as CSV (default; UTF-8 with BOM for Excel and
/// WPS) or as an XLSX workbook with a summary sheet.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: "Write the rectification ledger (整改台账) as CSV (UTF-8 with BOM, opens in Excel and WPS) or XLSX.")

    @OptionGroup var options: StoreOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (required for xlsx).", valueName: "file"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Only this unit; repeatable.", valueName: "unit"))
    var unit: [String] = []

    @Option(help: ArgumentHelp("csv (default) or xlsx: frozen header, filters, dates as dates, overdue rows marked, a summary sheet by unit and status.", valueName: "format"))
    var format = "csv"

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        guard format == "csv" || format == "xlsx" else { throw ValidationError("--format must be csv or xlsx") }
        if format == "xlsx" && out == nil { throw ValidationError("--format xlsx writes a binary file: give it with --out FILE.xlsx") }
    }

    func run() throws {
        let store = try options.open()
        let ids = unit.isEmpty ? try store.dossierIDs() : try unit.map { try UnitResolver.resolve($0, in: store) }
        let rows = LedgerRow.rows(try store.followUps(dossierIDs: ids), today: store.today)
        guard let out else {
            FileHandle.standardOutput.write(Data(Ledger.csv(rows)))
            return
        }
        let url = URL(fileURLWithPath: out)
        try DocumentBatch.report {
            try SafeOutput.write(to: url, force: force) { temp in
                if format == "xlsx" {
                    try LedgerWorkbook.write(rows, today: store.today, to: temp)
                } else {
                    try Data(Ledger.csv(rows)).write(to: temp)
                }
            }
        }
        FileHandle.standardError.write(Data("已写入：\(url.path)（\(rows.count) 项整改事项）\n".utf8))
    }
}
