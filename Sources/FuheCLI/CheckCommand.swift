import ArgumentParser
import FuheCore
import FuheStore

/// `fuhe check`: store integrity (non-zero exit when broken) and every dossier's rule findings.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check store integrity and list each dossier's validation findings.")

    @OptionGroup var options: StoreOptions

    @Flag(help: "Print only integrity problems, not the validation findings.")
    var quiet = false

    func run() throws {
        let store = try options.open(createIfMissing: false)
        let report = try store.check()
        if !quiet {
            for entry in report.dossierMessages where !entry.messages.isEmpty {
                print("\(entry.dossierID) \(entry.unitName)")
                for m in entry.messages { print("  \(m.code) \(m.level == .error ? "错误" : "提示") \(m.message)") }
            }
        }
        let warnings = report.dossierMessages.reduce(0) { $0 + $1.messages.count }
        if report.integrityProblems.isEmpty {
            print("store OK: \(report.dossierMessages.count) dossiers, \(warnings) validation findings")
        } else {
            for p in report.integrityProblems { print("PROBLEM \(p)") }
            throw CLIFailure("\(report.integrityProblems.count) integrity problem(s) in \(store.path)")
        }
    }
}
