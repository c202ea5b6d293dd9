import FuheCore
import TermCore

/// The batch actions on the selected rectification items: every lifecycle step of one item
/// (`ItemLifecycleCommands.steps`), with the same key and form, run on each selected item by
/// `ItemBatch` (FuheCore); the preview lists each transition and each refusal.
enum ItemBatchCommands: CommandProvider {
    static let commands: [WorkstationCommand] = ItemLifecycleCommands.steps.map(command)

    /// "batch.rect.progress" for "rect.progress".
    static func id(_ step: ItemLifecycleCommands.Step) -> CommandID { CommandID("batch." + step.id.rawValue) }

    static func command(_ step: ItemLifecycleCommands.Step) -> WorkstationCommand {
        .batchForm(id(step), step.keys, .batchItems, "批量：" + step.help, open: { ctx in
            guard let d = ctx.state.dossier, let first = selectedItems(ctx.state).first else { return nil }
            let count = selectedItems(ctx.state).count
            return FormState(title: "批量\(step.help)（\(count) 项）", fields: step.fields(first, d, ctx.state))
        }, submit: { form, ctx in
            guard let d = ctx.state.dossier else { return .nothing }
            let items = selectedItems(ctx.state)
            guard !items.isEmpty else { return .nothing }
            switch step.action(form, d, ctx) {
            case .failure(let refusal): return refusal.submission
            case .success(let (action, extra)):
                let plan = ItemBatch.plan(action, items: items.map { (d.id, $0) }, by: ctx.state.actor, on: ctx.state.today)
                return .open(preview(plan, extra: extra, in: ctx))
            }
        })
    }

    /// The selected items of the open dossier, in ledger order.
    static func selectedItems(_ state: AppState) -> [RectificationItem] {
        let selection = state[ItemsPane.self].selection
        return state.items.filter { selection.contains($0.id) }
    }

    /// Every transition and refusal of a plan, with the edit that stores the changed items.
    static func preview(_ plan: ItemBatchPlan, extra: [StoreChange], in ctx: UpdateContext) -> BatchPreview {
        let lines = plan.lines.map { line -> BatchPreview.Line in
            let name = "事项 \(line.item.seq) \(line.item.measure.replacingOccurrences(of: "\n", with: " ").truncated(toWidth: 24))"
            if let t = line.transition {
                return .init(kind: .change, text: "\(name)：\(describe(t))")
            }
            return .init(kind: .refused, text: name + "：" + line.refusals.map { "\($0.code) \($0.message)" }.joined(separator: "；"))
        }
        let changed = plan.changed.compactMap(\.transition?.item)
        let edit = changed.isEmpty ? nil : ctx.state.dossier.flatMap { d in
            ctx.edit(extra + ctx.itemsChanges(changed, in: d), reason: plan.action.reason,
                     success: "已批量\(plan.action.label)：\(changed.count) 项")
        }
        return BatchPreview(title: "批量\(plan.action.label)", lines: lines, edit: edit)
    }

    /// "整改中 → 待销号", "时限 2026-11-30 → 2026-12-30", "+进度".
    static func describe(_ t: RectTransition) -> String {
        var parts: [String] = []
        if t.from != t.to { parts.append("\(t.from.label) → \(t.to.label)") }
        switch t.action {
        case .extendDeadline(let to, _): parts.append("时限 → \(to)")
        case .addProgress(let entry): parts.append("登记进度「\(entry.text.truncated(toWidth: 30))」")
        case .markLongTerm(_, let next, _): parts.append("下次检查 \(next)")
        default: break
        }
        return parts.isEmpty ? t.action.label : parts.joined(separator: " · ")
    }
}

extension UpdateContext {
    /// Several items of a dossier in one edit, plus the self-evaluation status they imply.
    func itemsChanges(_ changed: [RectificationItem], in d: Dossier) -> [StoreChange] {
        let ids = Set(changed.map(\.id))
        let items = d.items.filter { !ids.contains($0.id) } + changed
        return changed.map { .item($0) } + evaluationChange(d, review: d.review, items: items)
    }
}
