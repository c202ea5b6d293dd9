import ArgumentParser
import Foundation
import FuheFiles
import FuheApp
import FuheCore
import FuheDocuments
import FuheStore

/// `fuhe report cycle`: the 复核结果通报 across the units the filters select.
struct CycleReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycle", abstract: tr("生成跨单位的复核结果通报（筛选同 fuhe list），DOCX 格式。", "Write the 复核结果通报 across units (filters as in fuhe list) as DOCX."))

    @OptionGroup var options: StoreOptions
    @OptionGroup var output: DocumentOutputOptions

    @OptionGroup var filters: UnitFilterOptions

    @Option(help: ArgumentHelp(tr("只含这一年度的单位。", "Only units of this fiscal year."), valueName: "year"))
    var year: Int?

    @Option(help: ArgumentHelp(tr("通报上印的发文机关（默认取复核批次的发文机关）。", "The issuing authority printed on the 通报 (default: the cycles' issuer)."), valueName: "name"))
    var issuer: String?

    func run() throws {
        let filter = try filters.filter()
        var described = try filters.described()
        if let year { described.append("\(year)年度") }
        let store = try options.open()
        let made = try DocumentBatch.report {
            try CycleReportMaker.record(store: store, filter: filter, year: year, issuer: issuer, filterText: described.joined(separator: "、"))
        }
        let template = try DocumentBatch.report {
            try output.templateURL.map { try DocumentKind.cycleReport.template(file: $0) } ?? DocumentKind.cycleReport.bundledTemplate()
        }
        let url = try output.destination(defaultName: DocumentNames.cycleReport(yearText: made.yearText), single: true)
        try DocumentBatch.write([(url, { url, force in try DocumentWriter.write(template, made.record, to: url, force: force) })],
                                force: output.force)
        Console.line("通报涵盖 \(made.units) 个单位")
    }
}

/// `fuhe report template KIND --out FILE.docx`: the bundled template as a .docx to edit in Word or WPS.
struct TemplateReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: tr("把随附的文书模板写成 .docx（可在 Word/WPS 中修改后用 --template 使用）。", "Write a bundled document template as .docx (to adapt in Word/WPS and use with --template)."))

    @Argument(help: ArgumentHelp(tr("review、notice 或 cycle。", "review, notice or cycle."), valueName: "kind"))
    var kind: String

    @Option(name: .shortAndLong, help: ArgumentHelp(tr("要写入的 .docx 文件。", "The .docx file to write."), valueName: "file.docx"))
    var out: String

    @Flag(help: ArgumentHelp(tr("文件已存在时替换。", "Replace the file if it exists.")))
    var force = false

    func run() throws {
        guard let k = DocumentKind.named(kind) else { throw ValidationError(tr("KIND 须为 review、notice 或 cycle", "KIND must be review, notice or cycle")) }
        let package = try k.bundledPackage()
        let url = URL(fileURLWithPath: out)
        try DocumentBatch.report { try OutputFile.write(to: url, force: force) { try package.write(to: $0) } }
        Console.line("已写入：\(url.path)（\(k.title)模板；字段见 fuhe report fields \(k.command)）")
    }
}

/// `fuhe report fields KIND`: every field a template of that kind may use.
struct FieldsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fields", abstract: tr("列出文书模板可用的字段。", "List the fields a document template may use."))

    @Argument(help: ArgumentHelp(tr("review、notice 或 cycle。", "review, notice or cycle."), valueName: "kind"))
    var kind: String

    func run() throws {
        guard let k = DocumentKind.named(kind) else { throw ValidationError(tr("KIND 须为 review、notice 或 cycle", "KIND must be review, notice or cycle")) }
        Console.line(FieldList.text(k.schema))
    }
}
