import ArgumentParser
import Foundation
import FuheCore
import FuheExchange
import FuheStore

/// `fuhe export`: writes dossiers as `fuhe.dossier/1` JSON (stdout or `--out FILE`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export dossiers as JSON (fuhe.dossier/1).")

    @OptionGroup var options: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Only this unit (dossier id, unit id or name); repeatable.", valueName: "unit"))
    var unit: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    func run() throws {
        let store = try options.open()
        let ids = unit.isEmpty ? try store.dossierIDs() : try unit.map { try UnitResolver.resolve($0, in: store) }
        let dossiers = try ids.map { try store.dossier(id: $0) }
        let text = DossierEncoder.encode(dossiers, sharedTemplateIDs: try store.bundledTemplateIDs(), sources: try store.reportSources(ids))
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else { throw CLIFailure("\(out): cannot write the file") }
            FileHandle.standardError.write(Data("exported \(dossiers.count) dossier(s) to \(out)\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
