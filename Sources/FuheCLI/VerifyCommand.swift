import ArgumentParser
import FuheCore
import FuheStore

/// `fuhe verify`: checks the journal's hash chain and SQLite integrity; names the first broken link.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: tr("核对日志：哈希链、链头锚点、数据与日志是否一致，以及 SQLite 完整性。", "Verify the journal: hash chain, anchored head, data against the journal, and SQLite integrity."),
        discussion: tr("日志的哈希链没有密钥：能改写库文件又知道算法的人可以重算整条链和锚点。请记下输出的链头（末条哈希），以后再核对时比较；借出的副本也带着借出时的链头。见 docs/offline-copies.md。", "The journal's hash chain is not keyed: someone who can rewrite the file and knows the algorithm can recompute the whole chain and its anchor. Note the head printed here (the last hash) and compare it later; an offline copy also carries the head at checkout. See docs/offline-copies.md."))

    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try options.open(createIfMissing: false)
        let result = try store.verifyJournal()
        let integrity = try store.sqliteIntegrity()
        guard integrity.isEmpty else { throw CLIFailure(tr("\(store.path)：SQLite 完整性：\(integrity.joined(separator: "；"))", "\(store.path): SQLite integrity: \(integrity.joined(separator: "; "))")) }
        guard result.isIntact else {
            let intact = result.firstBroken == nil ? "" : tr("（在它之前的 \(result.entries) 条完好）", " (\(result.entries) entries before it are intact)")
            throw CLIFailure(tr("\(store.path)：", "\(store.path): ") + (result.problem ?? "") + intact)
        }
        Console.line(tr("日志完好：\(result.entries) 条，哈希链与锚点一致，数据都有日志可查；SQLite 完整性正常",
                        "journal OK: \(result.entries) entries, hash chain and anchor intact, every value explained by the journal; SQLite integrity ok"))
        Console.line(tr("链头（末条哈希）：", "head (last hash): ") + (result.head.isEmpty ? "—" : result.head))
    }
}
