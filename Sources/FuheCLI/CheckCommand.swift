import ArgumentParser
import FuheCore
import FuheStore

/// `fuhe check`: store integrity (non-zero exit when broken) and every dossier's rule findings.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: tr("检查库的完整性，并列出每个档案的校验提示。", "Check store integrity and list each dossier's validation findings."))

    @OptionGroup var options: StoreOptions

    @Flag(help: ArgumentHelp(tr("只输出完整性问题，不列校验提示。", "Print only integrity problems, not the validation findings.")))
    var quiet = false

    func run() throws {
        let store = try options.open(createIfMissing: false)
        let report = try store.check()
        if !quiet {
            for entry in report.dossierMessages where !entry.messages.isEmpty {
                Console.line("\(entry.dossierID) \(entry.unitName)")
                for m in entry.messages { Console.line("  \(m.code) \(m.level == .error ? "错误" : "提示") \(m.message)") }
            }
        }
        let warnings = report.dossierMessages.reduce(0) { $0 + $1.messages.count }
        if report.integrityProblems.isEmpty {
            Console.line(tr("库完好：\(report.dossierMessages.count) 个档案，\(warnings) 条校验提示", "store OK: \(report.dossierMessages.count) dossiers, \(warnings) validation findings"))
        } else {
            for p in report.integrityProblems { Console.line(tr("问题 ", "PROBLEM ") + p) }
            throw CLIFailure(tr("\(store.path) 有 \(report.integrityProblems.count) 个完整性问题", "\(report.integrityProblems.count) integrity problem(s) in \(store.path)"))
        }
    }
}
