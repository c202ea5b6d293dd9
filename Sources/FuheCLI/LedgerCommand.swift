import ArgumentParser
import Foundation
import FuheExchange
import FuheStore

/// `fuhe ledger`: the rectification ledger (整改台账) as CSV for Excel/WPS (UTF-8 with BOM).
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: "Write the rectification ledger (整改台账) as CSV (UTF-8 with BOM, opens in Excel and WPS).")

    @OptionGroup var options: StoreOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Only this unit; repeatable.", valueName: "unit"))
    var unit: [String] = []

    func run() throws {
        let store = try options.open()
        let ids = unit.isEmpty ? try store.dossierIDs() : try unit.map { try UnitResolver.resolve($0, in: store) }
        let bytes = Ledger.csv(try ids.map { try store.dossier(id: $0) }, today: store.today)
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: Data(bytes)) else { throw CLIFailure("\(out): cannot write the file") }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
