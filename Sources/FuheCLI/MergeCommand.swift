import ArgumentParser
import Foundation
import FuheApp
import FuheCore
import FuheStore

/// `fuhe merge FILE`: brings an offline copy back with a field-level three-way merge.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge an offline copy (from fuhe checkout) back into the store.",
        discussion: "Changes made only in the copy apply; a field changed differently in both is a conflict, decided in the conflict pane (in a terminal) or by --prefer. The whole merge is one transaction; merging the same copy again changes nothing.")

    @OptionGroup var options: StoreOptions

    @OptionGroup var remote: ServerOptions

    @Argument(help: ArgumentHelp("The copy file.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Print the plan (what changes, what conflicts) and write nothing.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("Decide every conflict for one side: main or copy.", valueName: "side"))
    var prefer: String?

    @Flag(name: .long, help: "When the copy changed nothing, end its lease anyway (by default the lease stays out).")
    var closeEmpty = false

    func run() throws {
        let side: MergeDecision?
        switch prefer {
        case nil: side = nil
        case "main"?: side = .main
        case "copy"?: side = .copy
        default: throw ValidationError("--prefer must be main or copy")
        }
        if remote.server != nil {
            return try RemoteCopies.merge(client: try remote.client(), server: try remote.url(), file: file, prefer: side, dryRun: dryRun,
                                          closeEmpty: closeEmpty)
        }
        let store = try options.open(createIfMissing: false)
        let prepared: MergePreparation
        do { prepared = try store.prepareMerge(copyPath: file) } catch let error as StoreError { throw CLIFailure(error.description) }
        let session = UUID().uuidString.lowercased()
        let dossiers = MergePlanText.dossiers(of: prepared, in: store)
        let heading = MergePlanText.heading(prepared, into: store)
        print(heading)
        MergePlanText.lines(prepared, dossiers: dossiers).forEach { print($0) }
        if prepared.alreadyMerged { return }
        if prepared.plan.isEmpty && !closeEmpty {
            print("副本没有任何修改（与借出时相同）：借出 \(prepared.lease.id) 保持借出中，什么都没有写入。" +
                  "若现场改过，拿来的可能是旧文件，请取回最新的副本；确认不会再改时用 --close-empty 结束借出")
            return
        }
        if dryRun { print("（预演 --dry-run：什么都没有写入）"); return }
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
                guard let decided else { throw CLIFailure("merge cancelled; nothing was written") }
                decisions = decided
            } else {
                throw CLIFailure("\(conflicts.count) conflict(s) need a decision: run fuhe merge in a terminal, or pass --prefer main|copy; nothing was written")
            }
        }
        let outcome: MergeOutcome
        do {
            outcome = try store.commitMerge(prepared, decisions: decisions, actor: options.actorName, closingEmpty: closeEmpty, session: session)
        } catch let error as StoreError {
            throw CLIFailure(error.description)
        } catch let stale as StaleWrite {
            throw CLIFailure(stale.message(in: nil).replacingOccurrences(of: "\n", with: "\n  "))
        }
        if prepared.plan.isEmpty {
            print("副本没有任何修改：借出 \(prepared.lease.id) 已结束（--close-empty）")
            return
        }
        print("merged \(prepared.lease.id): \(outcome.fieldsChanged) field(s) written, \(outcome.conflictsDecided) conflict(s) decided" +
              (outcome.batch.map { " (journal batch #\($0))" } ?? ""))
    }
}
