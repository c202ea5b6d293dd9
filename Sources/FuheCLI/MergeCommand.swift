import ArgumentParser
import Foundation
import FuheApp
import FuheCore
import FuheStore

/// `fuhe merge FILE`: brings an offline copy back with a field-level three-way merge.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: tr("把离线副本（fuhe checkout 借出的）合并回库。", "Merge an offline copy (from fuhe checkout) back into the store."),
        discussion: tr("只在副本中改动的自动合并；两边改得不同的字段是冲突，在冲突窗格（终端中）或用 --prefer 决定。整个合并是一个事务；再次合并同一个副本不会改变任何内容。每个冲突的决定和未采用的值都记入日志。", "Changes made only in the copy apply; a field changed differently in both is a conflict, decided in the conflict pane (in a terminal) or by --prefer. The whole merge is one transaction; merging the same copy again changes nothing. Every decision and the value not taken are journalled."))

    @OptionGroup var options: StoreOptions

    @OptionGroup var remote: ServerOptions

    @Argument(help: ArgumentHelp(tr("副本文件。", "The copy file."), valueName: "file"), completion: .file(extensions: ["sqlite"]))
    var file: String

    @Flag(name: .long, help: ArgumentHelp(tr("只列出合并计划（改什么、哪些冲突），什么都不写。", "Print the plan (what changes, what conflicts) and write nothing.")))
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp(tr("所有冲突都取一边：主库 (main) 或 副本 (copy)。", "Decide every conflict for one side: 主库 (main) or 副本 (copy)."), valueName: "side"),
            completion: Choices.completion(MergePreference.self))
    var prefer: String?

    @Flag(name: .long, help: ArgumentHelp(tr("副本没有任何修改时也结束借出（默认借出保持）。", "When the copy changed nothing, end its lease anyway (by default the lease stays out).")))
    var closeEmpty = false

    func run() throws {
        let side = try prefer.map { try Choices.parse($0, as: MergePreference.self, option: "--prefer").decision }
        if remote.server != nil {
            return try RemoteCopies.merge(client: try remote.client(), server: try remote.url(), file: file, prefer: side, dryRun: dryRun,
                                          closeEmpty: closeEmpty)
        }
        let store = try options.open(createIfMissing: false)
        let prepared: MergePreparation
        prepared = try store.prepareMerge(copyPath: file)
        let session = UUID().uuidString.lowercased()
        let dossiers = MergePlanText.dossiers(of: prepared, in: store)
        let heading = MergePlanText.heading(prepared, into: store)
        Console.line(heading)
        MergePlanText.lines(prepared, dossiers: dossiers).forEach { Console.line($0) }
        if prepared.alreadyMerged { return }
        if prepared.plan.isEmpty && !closeEmpty {
            Console.line(tr("副本没有任何修改（与借出时相同）：借出 \(prepared.lease.id) 保持借出中，什么都没有写入。若现场改过，拿来的可能是旧文件，请取回最新的副本；确认不会再改时用 --close-empty 结束借出",
                            "the copy has no changes (as at checkout): lease \(prepared.lease.id) stays out, nothing was written. If the site edited it, this may be an old file: fetch the latest copy; when it will not change any more, --close-empty ends the lease"))
            return
        }
        if dryRun { Console.line(tr("（预演 --dry-run：什么都没有写入）", "(dry run: nothing was written)")); return }
        let conflicts = prepared.plan.conflicts
        var decisions: [String: MergeDecision] = [:]
        if !conflicts.isEmpty {
            if let side {
                decisions = prepared.plan.decisions(preferring: side)
            } else if isatty(0) == 1 && isatty(1) == 1 {
                let decided = try MainActor.assumeIsolated {
                    try MergeRunner.decide(prepared, dossiers: dossiers, title: heading)
                }
                if let status = SignalExit.status { throw ExitCode(status) }
                guard let decided else { throw CLIFailure(tr("合并已取消；什么都没有写入", "merge cancelled; nothing was written")) }
                decisions = decided
            } else {
                throw CLIFailure(tr("有 \(conflicts.count) 个冲突需要决定：请在终端中运行 fuhe merge，或加 --prefer 主库|副本；什么都没有写入", "\(conflicts.count) conflict(s) need a decision: run fuhe merge in a terminal, or pass --prefer main|copy; nothing was written"))
            }
        }
        let outcome: MergeOutcome
        do {
            outcome = try store.commitMerge(prepared, decisions: decisions, actor: options.actorName, closingEmpty: closeEmpty, session: session)
        } catch let stale as StaleWrite {
            throw CLIFailure(stale.message(in: nil).replacingOccurrences(of: "\n", with: "\n  "))
        }
        if prepared.plan.isEmpty {
            Console.line(tr("副本没有任何修改：借出 \(prepared.lease.id) 已结束（--close-empty）", "the copy has no changes: lease \(prepared.lease.id) ended (--close-empty)"))
            return
        }
        Console.line(tr("已合并 \(prepared.lease.id)：写入 \(outcome.fieldsChanged) 个字段，决定 \(outcome.conflictsDecided) 个冲突", "merged \(prepared.lease.id): \(outcome.fieldsChanged) field(s) written, \(outcome.conflictsDecided) conflict(s) decided") +
                     (outcome.batch.map { tr("（日志批次 #\($0)）", " (journal batch #\($0))") } ?? ""))
    }
}
