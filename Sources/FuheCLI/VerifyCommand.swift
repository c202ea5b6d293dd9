import ArgumentParser
import FuheStore

/// `fuhe verify`: checks the journal's hash chain and SQLite integrity; names the first broken link.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify the journal's hash chain (tampering, lost entries) and SQLite integrity.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try options.open(createIfMissing: false)
        let result = try store.verifyJournal()
        let integrity = try store.sqliteIntegrity()
        guard integrity.isEmpty else { throw CLIFailure("\(store.path): SQLite integrity: \(integrity.joined(separator: "; "))") }
        guard result.isIntact else {
            throw CLIFailure("\(store.path): \(result.problem ?? "journal broken") (\(result.entries) entries before it are intact)")
        }
        print("journal OK: \(result.entries) entries, hash chain intact; SQLite integrity ok")
    }
}
