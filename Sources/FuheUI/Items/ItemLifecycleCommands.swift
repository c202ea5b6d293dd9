import Foundation
import FuheCore
import TermCore

extension CommandID {
    public static let addProgress = CommandID("rect.progress")
    public static let submitItem = CommandID("rect.submit")
    public static let closeItem = CommandID("rect.close")
    public static let returnItem = CommandID("rect.return")
    public static let longTermItem = CommandID("rect.long-term")
    public static let resumeItem = CommandID("rect.resume")
    public static let withdrawItem = CommandID("rect.withdraw")
    public static let reopenItem = CommandID("rect.reopen")
    public static let extendItem = CommandID("rect.extend")
}

/// The steps of an item's lifecycle, each a form whose submission becomes a `RectAction` that
/// `RectLifecycle` (FuheCore) allows or refuses.
enum ItemLifecycleCommands: CommandProvider {
    static let commands: [WorkstationCommand] = steps.map(\.command)

    /// Each step's key, help, form and action (the batch of many items reuses them).
    static let steps: [Step] = [
        step(.addProgress, [.character("p")], "登记整改进度", hint: "进度", title: { "登记整改进度 \($0.seq)" }, fields: { _, _, _ in
            [.text("text", "进度情况", "", multiline: true), .text("percent", "完成比例%", "", hint: "可空，0–100")]
        }) { form, _, ctx in
            let percentText = form.trimmed("percent")
            let percent = percentText.isEmpty ? nil : Int(percentText)
            if !percentText.isEmpty && !(percent.map { (0...100).contains($0) } ?? false) {
                return .failure(.invalid("完成比例应为 0–100", field: "percent"))
            }
            return .success((.addProgress(ProgressEntry(date: ctx.state.today, text: form.trimmed("text"), by: ctx.state.actor.name, percent: percent)), []))
        },
        step(.submitItem, [.character("s")], "申请销号（完成情况+佐证）", title: { "申请销号 \($0.seq)" }, fields: { item, d, _ in
            let choices = d.evidence.map(\.title) + ["（新增佐证材料）"]
            // The item's own evidence when it has some, else a new one (shown selected).
            let own = item.evidenceIDs.first.flatMap { id in d.evidence.firstIndex { $0.id == id } }
            return [.text("completion", "完成情况", item.completionDesc ?? "", multiline: true),
                    .choice("evidence", "佐证材料", choices, selected: own ?? choices.count - 1),
                    .text("new_evidence", "新增材料名称", "", hint: "选择“新增佐证材料”时填写")]
        }) { form, d, ctx in
            let choice = form.index("evidence")
            var extra: [StoreChange] = []
            let ids: [String]
            if choice < d.evidence.count {
                ids = [d.evidence[choice].id]
            } else {
                let title = form.trimmed("new_evidence")
                guard !title.isEmpty else {
                    return .failure(.invalid("K-003 申请销号须有佐证材料：选择已有材料或填写新增材料名称", field: "new_evidence"))
                }
                let evidence = Evidence(id: NewID.next("EV", tag: ctx.state.storeLabel.idTag, existing: d.evidence.map(\.id)), title: title,
                                        kind: .other, providedBy: .unit, receivedOn: ctx.state.today)
                ids = [evidence.id]
                extra.append(.evidence(evidence))
            }
            return .success((.submit(completionDesc: form.trimmed("completion"), evidenceIDs: ids, on: ctx.state.today), extra))
        },
        step(.closeItem, [.character("C")], "销号（核实佐证后）", hint: "销号", title: { "销号 \($0.seq)（核实佐证后）" }, fields: { _, _, _ in
            [.text("note", "销号意见", "佐证材料充分，整改到位，同意销号", multiline: true)]
        }) { form, _, _ in .success((.close(note: form.trimmed("note")), [])) },
        reasonStep(.returnItem, [.character("b")], "退回整改（需理由）") { .returnToUnit(reason: $0) },
        step(.longTermItem, [.character("L")], "转为持续整改（需理由和下次检查日）", title: { "转为持续整改 \($0.seq)" }, fields: { item, _, state in
            [.text("reason", "理由", "", multiline: true, hint: "如体制机制、历史遗留、短期无法解决"),
             .text("next_check", "下次检查日", Deadlines.defaultNextCheck(for: item, today: state.today).description, hint: "YYYY-MM-DD，不晚于整改时限 \(item.deadline)"),
             .choice("approved", "复核组认定", ["是", "否"])]
        }) { form, _, _ in
            guard let next = CalendarDay(form.trimmed("next_check")) else {
                return .failure(.invalid("下次检查日不是有效日期（YYYY-MM-DD）", field: "next_check"))
            }
            return .success((.markLongTerm(reason: form.trimmed("reason"), nextCheckOn: next, approvedByReviewer: form.index("approved") == 0), []))
        },
        reasonStep(.resumeItem, [.character("r")], "恢复为整改中") { .resume(reason: $0) },
        reasonStep(.withdrawItem, [.character("w")], "撤销事项（需理由）") { .withdraw(reason: $0) },
        reasonStep(.reopenItem, [.character("o")], "重新打开已销号事项（需理由）") { .reopen(reason: $0) },
        step(.extendItem, [.character("d")], "延长整改时限（需理由）", title: { "延长整改时限 \($0.seq)（现为 \($0.deadline)）" }, fields: { item, _, _ in
            [.text("deadline", "新时限", Deadlines.defaultExtension(of: item).description, hint: "YYYY-MM-DD"), .text("reason", "理由", "", multiline: true)]
        }) { form, _, _ in
            guard let to = CalendarDay(form.trimmed("deadline")) else { return .failure(.invalid("新时限不是有效日期（YYYY-MM-DD）", field: "deadline")) }
            return .success((.extendDeadline(to: to, reason: form.trimmed("reason")), []))
        },
    ]

    /// What a step's form becomes: the action and any record it adds (new evidence), or why not.
    typealias Action = Result<(RectAction, [StoreChange]), StepRefusal>

    struct StepRefusal: Error {
        var submission: FormSubmission
        static func invalid(_ text: String, field: String? = nil) -> StepRefusal { StepRefusal(submission: .invalid(text, field: field)) }
    }

    /// A lifecycle step: its key, help, form (title and fields for an item) and the action its
    /// submission asks `RectLifecycle` for.
    struct Step: Sendable {
        var id: CommandID
        var keys: [KeyEvent]
        var help: String
        var hint: String?
        var title: @Sendable (RectificationItem) -> String
        var fields: @Sendable (RectificationItem, Dossier, AppState) -> [FormField]
        var action: @Sendable (FormState, Dossier, UpdateContext) -> Action

        /// The step on the selected item of the items pane.
        var command: WorkstationCommand { ItemLifecycleCommands.command(self) }
    }

    static func step(_ id: CommandID, _ keys: [KeyEvent], _ help: String, hint: String? = nil, title: @escaping @Sendable (RectificationItem) -> String,
                     fields: @escaping @Sendable (RectificationItem, Dossier, AppState) -> [FormField],
                     action: @escaping @Sendable (FormState, Dossier, UpdateContext) -> Action) -> Step {
        Step(id: id, keys: keys, help: help, hint: hint, title: title, fields: fields, action: action)
    }

    static func command(_ step: Step) -> WorkstationCommand {
        let (id, keys, help, hint, title, fields, action) = (step.id, step.keys, step.help, step.hint, step.title, step.fields, step.action)
        return .form(id, keys, .items, help, hint: hint, verdict: possible(id), open: { ctx in
            guard let d = ctx.state.dossier, let item = ctx.state.selectedItem else { return nil }
            return FormState(title: title(item), fields: fields(item, d, ctx.state), target: item.id)
        }, submit: { form, ctx in
            guard let d = ctx.state.dossier, let item = d.items.first(where: { $0.id == form.target }) else { return .nothing }
            switch action(form, d, ctx) {
            case .failure(let refusal): return refusal.submission
            case .success(let (rectAction, extra)):
                do {
                    let t = try RectLifecycle.transition(rectAction, of: item, by: ctx.state.actor, on: ctx.state.today)
                    return ctx.saving(extra + ctx.itemChanges(t.item, in: d), reason: rectAction.reason,
                                      success: "\(rectAction.label)：事项 \(item.seq) \(t.from.label) → \(t.to.label)")
                } catch {
                    return .invalid(EffectFailure(error).text)
                }
            }
        })
    }

    /// The lifecycle action each step's key starts.
    static let kinds: [CommandID: RectActionKind] = [
        .addProgress: .addProgress, .submitItem: .submit, .closeItem: .close, .returnItem: .returnToUnit, .longTermItem: .markLongTerm,
        .resumeItem: .resume, .withdrawItem: .withdraw, .reopenItem: .reopen, .extendItem: .extendDeadline,
    ]

    /// A step is refused before its form opens when `RectLifecycle` says it cannot start on the
    /// selected item (wrong status, closing one's own item), so hints offer only what works.
    /// (A ``Verdict``: the refusal's message is made only when the key is pressed.)
    static func possible(_ id: CommandID) -> @Sendable (AppState) -> Verdict<AppState> {
        let kind = kinds[id]
        return { state in
            let (selected, item) = ItemCommands.itemForCommands(state)
            guard let kind, let item else { return selected }
            guard !RectLifecycle.allows(kind, item: item, by: state.actor) else { return .available }
            return .unavailable { state in
                RectLifecycle.refusal(kind, item: item, by: state.actor).map { .refused("\($0.code) \($0.message)") } ?? .available
            }
        }
    }

    /// A step that only asks for a reason.
    static func reasonStep(_ id: CommandID, _ keys: [KeyEvent], _ help: String,
                           action: @escaping @Sendable (String) -> RectAction) -> Step {
        step(id, keys, help, title: { "\(help) \($0.seq)" }, fields: { _, _, _ in
            [.text("reason", "理由", "", multiline: true, hint: "必填")]
        }) { form, _, _ in .success((action(form.trimmed("reason")), [])) }
    }
}
