import ArgumentParser
import Foundation
import FuheCore
import FuheExchange
import FuheStore
import FuheApp

/// `fuhe import FILE…`: reads dossier (and template) files; all files are checked before anything
/// is written, and everything is stored in one transaction.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: tr("导入 JSON 档案文件（fuhe.dossier/1）和模板文件（fuhe.template/1）。", "Import JSON dossier files (fuhe.dossier/1) and template files (fuhe.template/1)."))

    @OptionGroup var options: StoreOptions

    @Flag(help: ArgumentHelp(tr("替换库中已有的同编号档案；文件中的单位、评价周期、模板与库中同编号的不同时也替换它们（会同时改动共用它们的其他档案，导入会列出这些档案）。",
                                "Replace dossiers whose id is already in the store; also replace units, cycles and templates whose id is in the store with other content (other dossiers sharing them change too; the import lists them).")))
    var replace = false

    @Flag(help: ArgumentHelp(tr("与 --replace 一起：借出为副本的单位也替换（那些副本从此不能再合并；fuhe leases 会注明）。", "With --replace: replace units that are out as offline copies too (those copies can then no longer be merged; fuhe leases says so).")))
    var force = false

    @Flag(help: ArgumentHelp(tr("同时导入内置的示例档案。", "Also import the bundled sample dossiers.")))
    var samples = false

    @Argument(help: ArgumentHelp(tr("要导入的 JSON 文件。", "JSON files to import."), valueName: "file"), completion: .file(extensions: ["json"]))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty && !samples { throw ValidationError(tr("请至少给出一个要导入的文件（或 --samples）", "give at least one file to import (or --samples)")) }
        if force && !replace { throw ValidationError(tr("--force 只能与 --replace 一起用", "--force only goes with --replace")) }
    }

    func run() throws {
        let store = try options.open()
        var known = Dictionary(try store.templates().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var templates: [IndicatorTemplate] = []
        var dossiers: [Dossier] = []
        var sources: [String: ReportSource] = [:]
        // Template files first, so dossiers in the same command can use them.
        var pending: [(String, [UInt8])] = []
        for file in files {
            let bytes = try ImportFiles.read(file)
            if TemplateLoader.declaredFormat(bytes) == "fuhe.template/1" {
                let t = try report { () throws(ImportError) in try TemplateLoader.template(bytes, file: file) }
                templates.append(t)
                known[t.id] = t
            } else {
                pending.append((file, bytes))
            }
        }
        for (file, bytes) in pending {
            let decoded = try report { () throws(ImportError) in try DossierDecoder.decode(bytes, file: file, templates: { known[$0] }) }
            dossiers += decoded.dossiers
            sources.merge(decoded.sources) { a, _ in a }
        }
        let bundled = samples ? try BundledData.samples(today: store.today) : []
        dossiers += bundled
        let outcome: FuheStore.ImportOutcome
        do {
            outcome = try store.importDossiers(dossiers, templates: templates, mode: replace ? .replaceExisting : .refuseExisting,
                                               overridingLeases: force, actor: options.actorName, origin: "import", sources: sources,
                                               samples: Set(bundled.map(\.id)))
        } catch {
            guard let storeError = StoreError.translating(error, path: store.path) else { throw error }
            if case .sqlite = storeError { throw CLIFailure(storeError.description) }
            throw CLIFailure(tr("\(storeError.description)；什么都没有导入", "\(storeError.description); nothing was imported"))
        }
        let templateText = templates.isEmpty ? "" : tr("和 \(templates.count) 个模板", " and \(templates.count) template(s)")
        Console.line(tr("已导入 \(dossiers.count) 个档案\(templateText)到 \(store.path)", "imported \(dossiers.count) dossier(s)\(templateText) into \(store.path)"))
        for change in outcome.sharedChanges {
            let what = tr(["unit": "单位", "cycle": "评价周期", "template": "模板"][change.entity] ?? change.entity, change.entity)
            Console.line(tr("同时替换了\(what) \(change.id)（\(change.fields.joined(separator: "、"))），这些档案随之改变（已记入它们的日志）：\(change.otherDossiers.joined(separator: "、"))",
                            "also replaced \(what) \(change.id) (\(change.fields.joined(separator: ", "))); these dossiers changed with it (journalled): \(change.otherDossiers.joined(separator: ", "))"))
        }
        if force {
            let ids = Set(dossiers.map(\.id))
            for lease in try store.leases() where lease.status == .out && lease.unmergeable != nil && !ids.isDisjoint(with: lease.dossierIDs) {
                Console.line(tr("借出 \(lease.id)（\(lease.holder)）的副本从此不能再合并：\(lease.unmergeable ?? "")", "lease \(lease.id) (\(lease.holder)) can no longer be merged: \(lease.unmergeable ?? "")"))
            }
        }
    }

    private func report<T>(_ body: () throws(ImportError) -> T) throws -> T {
        do { return try body() } catch { throw CLIFailure(tr("\(error.description)；什么都没有导入", "\(error.description); nothing was imported")) }
    }
}

/// Reading an import file: a regular file of at most `ImportLimits.maxFileBytes`, named in the message.
enum ImportFiles {
    static func read(_ file: String) throws -> [UInt8] {
        var info = stat()
        guard stat(file, &info) == 0 else {
            throw CLIFailure(tr("\(file)：无法读取文件（\(String(cString: strerror(errno)))）；什么都没有导入", "\(file): cannot read the file (\(String(cString: strerror(errno)))); nothing was imported"))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw CLIFailure(tr("\(file)：这是一个文件夹，请给出 JSON 文件；什么都没有导入", "\(file): this is a folder; give JSON files; nothing was imported"))
        }
        if Int(info.st_size) > ImportLimits.maxFileBytes {
            throw CLIFailure(tr("\(file)：文件有 \(info.st_size / 1_048_576) MB，超过上限 \(ImportLimits.maxFileBytes / 1_048_576) MB；请拆成几个文件；什么都没有导入",
                                "\(file): the file is \(info.st_size / 1_048_576) MB, more than the limit of \(ImportLimits.maxFileBytes / 1_048_576) MB; split it into several files; nothing was imported"))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIFailure(tr("\(file)：无法读取文件；什么都没有导入", "\(file): cannot read the file; nothing was imported"))
        }
        return Array(data)
    }
}
