import ArgumentParser
import Foundation
import FuheCore
import FuheIntake
import FuheStore
import FuheApp

/// `fuhe intake FILE… [--out DIR] [--import]`: reads published reports (text in any encoding,
/// saved web pages, DOCX, PDF) into drafts, one per report; prints what it found, writes each
/// draft as `fuhe.draft/1` JSON into DIR, and/or puts the drafts into the store's intake queue.
/// Every file is read before anything is written; a file that cannot be read stops everything.
struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: tr("读入公开发布的报告（文本、GB18030、HTML、DOCX、PDF），生成待确认的草稿（fuhe.draft/1）。", "Read published reports (text, GB18030, HTML, DOCX, PDF) into drafts (fuhe.draft/1) for confirmation."))

    @OptionGroup var options: StoreOptions

    @Option(name: .long, help: ArgumentHelp(tr("每份报告写一个 fuhe.draft/1 JSON 文件到这个文件夹。", "Write one fuhe.draft/1 JSON file per report into this folder."), valueName: "dir"))
    var out: String?

    @Flag(name: .customLong("import"), help: ArgumentHelp(tr("把草稿放入库的待收队列（在工作台中确认）。", "Put the drafts into the store's intake queue (confirmed in the workstation).")))
    var importDrafts = false

    @Flag(help: ArgumentHelp(tr("替换 --out 中已存在的草稿文件。", "Replace draft files that already exist in --out.")))
    var force = false

    @Argument(help: ArgumentHelp(tr("报告文件。", "Report files."), valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError(tr("请至少给出一个报告文件", "give at least one report file")) }
    }

    func run() throws {
        // Every file is read before anything is written (nor a store created).
        let storePath = options.store ?? DefaultStore.path()
        let existing = (importDrafts || options.store != nil) && FileManager.default.fileExists(atPath: storePath) ? try options.open() : nil
        let templates = try existing?.templates() ?? BundledData.templates()
        var drafts: [IntakeDraft] = []
        for file in files {
            do {
                drafts += try Intake.drafts(path: file, templates: templates)
            } catch {
                throw CLIFailure("\(error.description)；未写入任何内容")
            }
        }
        let store = importDrafts ? try existing ?? options.open() : nil
        var written: [String] = []
        if let out {
            written = try IntakeOutput.write(drafts, to: out, force: force)
        }
        if importDrafts, let store {
            do {
                try store.enqueueDrafts(drafts, actor: options.actorName)
            } catch let error as StoreError {
                throw CLIFailure("\(error.description)；未放入待确认队列" + (written.isEmpty ? "" : "（草稿文件已写入 \(out ?? "")）"))
            }
        }
        Console.line(IntakeSummary.text(drafts))
        if !written.isEmpty { Console.line("已写入 \(written.count) 个草稿文件到 \(out ?? "")") }
        if importDrafts, let store { Console.line("已放入待确认队列（\(store.path)）：\(drafts.count) 份草稿，在工作台确认后生成卷宗") }
    }
}
