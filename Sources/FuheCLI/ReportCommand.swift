import ArgumentParser
import Foundation
import FuheFiles
import FuheApp
import FuheCore
import FuheDocuments
import FuheStore

/// `fuhe report`: the review documents as DOCX — 复核意见书, 整改通知书, 复核结果通报 — from the
/// bundled templates or a bureau's own (`--template`); see docs/reports.md.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: tr("生成复核文书（DOCX）：复核意见书、整改通知书、复核结果通报。", "Write review documents as DOCX: 复核意见书, 整改通知书, 复核结果通报."),
        discussion: tr("每份文书都是填入字段的 DOCX 模板；--template 使用本单位自己的 Word/WPS 文件，字段相同（fuhe report fields KIND 列出字段）。已有文件不加 --force 不会被替换。", "Each document is a DOCX template filled with fields; --template uses a bureau's own Word/WPS file with the same fields (fuhe report fields KIND lists them). Existing files are never replaced without --force."),
        subcommands: [ReviewReportCommand.self, NoticeReportCommand.self, CycleReportCommand.self, TemplateReportCommand.self,
                      FieldsReportCommand.self])
}

/// Options every document-writing subcommand takes.
struct DocumentOutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(tr("一个 .docx 文件，或按惯用文件名写入的文件夹（默认当前目录）。", "A .docx file, or a folder for the usual file names (default: the working directory)."), valueName: "file|dir"))
    var out: String?

    @Option(help: ArgumentHelp(tr("用这个 .docx 模板代替随附模板。", "Fill this .docx template instead of the bundled one."), valueName: "file.docx"))
    var template: String?

    @Flag(help: ArgumentHelp(tr("替换已存在的输出文件。", "Replace output files that already exist.")))
    var force = false

    /// Where a document goes: `--out` as a file, or a folder (existing, or written with a trailing
    /// "/") holding `defaultName`.
    func destination(defaultName: String, single: Bool) throws -> URL {
        guard let out else { return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(defaultName) }
        var isDirectory: ObjCBool = false
        if out.hasSuffix("/") || (FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) && isDirectory.boolValue) {
            return URL(fileURLWithPath: out, isDirectory: true).appendingPathComponent(defaultName)
        }
        guard single else { throw ValidationError("--out 必须是文件夹：要写多个文件") }
        guard out.lowercased().hasSuffix(".docx") else { throw ValidationError("--out \(out)：文件名应以 .docx 结尾") }
        return URL(fileURLWithPath: out)
    }

    var templateURL: URL? { template.map { URL(fileURLWithPath: $0) } }
}

/// Writes prepared documents: checks every destination first, so a refusal leaves nothing written.
enum DocumentBatch {
    static func write(_ jobs: [(url: URL, write: (URL, Bool) throws -> Void)], force: Bool) throws {
        let urls = jobs.map(\.url.standardizedFileURL.path)
        if let duplicate = urls.first(where: { u in urls.filter { $0 == u }.count > 1 }) {
            throw CLIFailure("两份文书会写到同一个文件 \(duplicate)；请用 --out 指定文件夹")
        }
        if !force, let existing = jobs.first(where: { FileManager.default.fileExists(atPath: $0.url.path) }) {
            throw CLIFailure(OutputError.exists(existing.url.path).description)
        }
        for job in jobs {
            try report { try job.write(job.url, force) }
            Console.line("已写入：\(job.url.path)")
        }
    }

    /// Runs `body`, turning document and output errors into one-line failures.
    static func report<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as OutputError { throw CLIFailure(e.description) } catch let e as DocumentError {
            throw CLIFailure(e.description)
        } catch let e as TemplateError { throw CLIFailure(e.description) } catch let e as StoreError { throw CLIFailure(e.description) }
    }
}

/// `fuhe report review UNIT…` and `fuhe report notice UNIT…`.
protocol UnitDocumentCommand: ParsableCommand {
    static var kind: DocumentKind { get }
    var options: StoreOptions { get }
    var output: DocumentOutputOptions { get }
    var units: [String] { get }
}

extension UnitDocumentCommand {
    func run() throws {
        let store = try options.open()
        let ids = try units.map { try UnitResolver.resolve($0, in: store) }
        var writer = ReportWriter(store: store, folder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        if let file = output.templateURL { writer.templateFiles[Self.kind] = file }
        let template = try DocumentBatch.report { try writer.template(Self.kind) }
        var jobs: [(url: URL, write: (URL, Bool) throws -> Void)] = []
        for id in Set(ids).sorted(by: { ids.firstIndex(of: $0) ?? 0 < ids.firstIndex(of: $1) ?? 0 }) {
            let dossier = try DocumentBatch.report { try store.dossier(id: id) }
            let record = try DocumentBatch.report { try writer.record(Self.kind, dossier: dossier) }
            let name = DocumentNames.unitDocument(Self.kind, unitName: dossier.unit.name, year: dossier.cycle.fiscalYear)
            let url = try output.destination(defaultName: name, single: Set(ids).count == 1)
            jobs.append((url, { url, force in try DocumentWriter.write(template, record, to: url, force: force) }))
        }
        try DocumentBatch.write(jobs, force: output.force)
    }
}

struct ReviewReportCommand: UnitDocumentCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: tr("生成单位的复核意见书（含完整评分表），DOCX 格式。", "Write units' 复核意见书 (review opinion with the whole scoresheet) as DOCX."))
    static let kind = DocumentKind.reviewOpinion

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: DocumentOutputOptions

    @Argument(help: ArgumentHelp(tr("档案编号、单位编号，或单位名称的一部分（中文或拼音）。", "Dossier id, unit id, or part of the unit name (Chinese or pinyin)."), valueName: "unit"))
    var units: [String]
}

struct NoticeReportCommand: UnitDocumentCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: tr("生成单位的整改通知书（未完成的问题、措施、期限、销号依据），DOCX 格式。", "Write units' 整改通知书 (open findings, measures, deadlines, closing evidence) as DOCX."))
    static let kind = DocumentKind.rectificationNotice

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: DocumentOutputOptions

    @Argument(help: ArgumentHelp(tr("档案编号、单位编号，或单位名称的一部分（中文或拼音）。", "Dossier id, unit id, or part of the unit name (Chinese or pinyin)."), valueName: "unit"))
    var units: [String]
}
