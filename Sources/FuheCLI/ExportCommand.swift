import ArgumentParser
import Foundation
import FuheFiles
import FuheCore
import FuheExchange
import FuheStore

/// `fuhe export`: writes dossiers as `fuhe.dossier/1` JSON (stdout or `--out FILE`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: tr("把档案导出为 JSON（fuhe.dossier/1）。", "Export dossiers as JSON (fuhe.dossier/1)."))

    @OptionGroup var options: StoreOptions

    @Option(name: .long, help: ArgumentHelp(tr("只导出这个单位（档案编号、单位编号或名称）；可重复。", "Only this unit (dossier id, unit id or name); repeatable."), valueName: "unit"),
            completion: UnitResolver.completion)
    var unit: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp(tr("写入这个文件（不存在时新建，mode 0600），而不是标准输出。", "Write to this file (created, mode 0600) instead of standard output."), valueName: "file"),
            completion: .file(extensions: ["json"]))
    var out: String?

    @Flag(help: ArgumentHelp(tr("--out 的文件已存在时覆盖它（数据库和库的日志文件永远不会被覆盖）。", "Replace the --out file if it exists (a database or a store's log file is never replaced).")))
    var force = false

    func run() throws {
        if let out { try OutputFile.check(out, force: force) }
        let store = try options.open()
        let ids = unit.isEmpty ? try store.dossierIDs() : try unit.map { try UnitResolver.resolve($0, in: store) }
        let dossiers = try ids.map { try store.dossier(id: $0) }
        let text = DossierEncoder.encode(dossiers, sharedTemplateIDs: try store.bundledTemplateIDs(), sources: try store.reportSources(ids))
        if let out {
            try OutputFile.write(Array(text.utf8), to: out, force: force)
            Console.error(tr("已把 \(dossiers.count) 个档案导出到 \(out)", "exported \(dossiers.count) dossier(s) to \(out)"))
        } else {
            Console.data(Array(text.utf8))
        }
    }
}
