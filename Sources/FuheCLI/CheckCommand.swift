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
        // Each dossier's findings are printed as soon as its block is checked: nothing keeps
        // all of them (648,000 at 20,000 dossiers).
        var out = Console.Lines()
        var dossiers = 0, warnings = 0
        let problems = try store.check { id, unitName, messages in
            dossiers += 1
            warnings += messages.count
            guard !quiet, !messages.isEmpty else { return }
            out.line("\(id) \(unitName)")
            for m in messages { out.line("  \(m.code) \(m.level == .error ? "错误" : "提示") \(m.message)") }
        }
        out.flush()
        if problems.isEmpty {
            Console.line(tr("库完好：\(dossiers) 个档案，\(warnings) 条校验提示", "store OK: \(dossiers) dossiers, \(warnings) validation findings"))
        } else {
            for p in problems { Console.line(tr("问题 ", "PROBLEM ") + p) }
            throw CLIFailure(tr("\(store.path) 有 \(problems.count) 个完整性问题", "\(problems.count) integrity problem(s) in \(store.path)"))
        }
    }
}
