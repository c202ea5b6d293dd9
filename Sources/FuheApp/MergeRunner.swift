import FuheCore
import FuheStore
import FuheTerminal
import FuheUI
import TermCore

/// Runs the conflict pane of `fuhe merge` in the real terminal until every conflict is decided
/// (returns the decisions) or the user cancels (returns nil; nothing is written).
@MainActor
public enum MergeRunner {
    public static func decide(_ prepared: MergePreparation, dossiers: [String: Dossier], title: String) throws -> [String: MergeDecision]? {
        try decide(plan: prepared.plan, dossiers: dossiers, title: title)
    }

    /// The conflict pane for a plan (a local merge's, or one made against a server).
    public static func decide(plan: MergePlan, dossiers: [String: Dossier], title: String) throws -> [String: MergeDecision]? {
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch {
            throw AppFailure(tr("无法为冲突窗格启动终端：\(error)（可加 --prefer 主库|副本 不用窗格合并）", "cannot start the terminal for the conflict pane: \(error) (pass --prefer main|copy to merge without it)"))
        }
        defer { terminal.shutdown() }
        let rows = plan.conflicts.map { ConflictPane.Row(conflict: $0, dossier: dossiers[$0.key.dossierID]) }
        let size = terminal.size
        var pane = ConflictPane(title: title, automatic: plan.changes.count, rows: rows, width: size.width, height: size.height)
        terminal.draw(ConflictPaneView.render(pane))
        while !terminal.terminationRequested {
            guard let key = terminal.readKey(timeoutMilliseconds: 250) else { continue }
            if key == .ctrl("c") { return nil }
            pane.handle(key)
            refuseBrokenValues(&pane, plan: plan)
            switch pane.outcome {
            case .merge(let decisions)?: return decisions
            case .cancel?: return nil
            case nil: terminal.draw(ConflictPaneView.render(pane))
            }
        }
        return nil
    }

    /// A typed value that breaks a rule (7.00 on a 5.00 indicator, −3.00) is taken back at once,
    /// with the rule's message: the pane never holds a decision the merge would refuse.
    static func refuseBrokenValues(_ pane: inout ConflictPane, plan: MergePlan) {
        for (id, decision) in pane.decisions {
            guard case .value = decision, let problem = plan.problem(deciding: id, with: pane.decisions) else { continue }
            pane.decisions[id] = nil
            pane.message = "不能采用这个值：\(problem)"
        }
    }
}
