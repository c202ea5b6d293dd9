import FuheCore
import TermCore

extension CommandID {
    public static let escalateItem = CommandID("rect.escalate")
}

/// Recording a 约谈 / 通报 / 问责 on the selected item (`EscalationRules`: a reason is required;
/// not on a withdrawn item), journaled with the item like every other change.
enum ItemEscalationCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .form(.escalateItem, [.character("E")], .items, "登记约谈/通报/问责（需原因）", verdict: ItemCommands.itemVerdict, open: { ctx in
            guard let item = ctx.state.selectedItem else { return nil }
            let history = item.escalationRecords.map { "\($0.date) \($0.kind.label)" }.joined(separator: "，")
            return FormState(title: "约谈/通报/问责 · 事项 \(item.seq)\(history.isEmpty ? "" : "（已有：\(history)）")", fields: [
                .choice("kind", "措施", EscalationKind.allCases.map(\.label)),
                .choice("reason_choice", "原因", EscalationRules.commonReasons + ["其他（在下面写明）"]),
                .text("reason", "说明", "", multiline: true, hint: "补充说明；选“其他”时必填"),
                .text("target", "对象", item.respPerson, hint: "约谈对象、问责对象（通报可空）"),
            ], target: item.id)
        }, submit: { form, ctx in
            guard let d = ctx.state.dossier, let item = d.items.first(where: { $0.id == form.target }) else { return .nothing }
            let kind = EscalationKind.allCases[form.index("kind")]
            let choice = form.index("reason_choice")
            let common = EscalationRules.commonReasons.indices.contains(choice) ? EscalationRules.commonReasons[choice] : ""
            let note = form.trimmed("reason")
            let reason = [common, note].filter { !$0.isEmpty }.joined(separator: "：")
            do {
                let next = try EscalationRules.record(kind, reason: reason, target: form.trimmed("target"), on: item,
                                                      by: ctx.state.actor, on: ctx.state.today)
                return ctx.saving(ctx.itemChanges(next, in: d), reason: reason, success: "已登记\(kind.label)：事项 \(item.seq)（\(reason)）")
            } catch {
                return .invalid(EffectFailure(error).text, field: "reason")
            }
        }),
    ]
}
