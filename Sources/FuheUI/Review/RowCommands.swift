import Foundation
import FuheCore
import TermCore

extension CommandID {
    public static let editScore = CommandID("review.set-score")
    public static let acceptSuggestion = CommandID("review.accept")
    public static let verifyActual = CommandID("review.verify-actual")
    public static let editReason = CommandID("review.reason")
    public static let editNote = CommandID("review.note")
}

/// The review of the selected scoresheet row: score and reason, the engine's suggestion, the
/// verified actual, the reason and the note. Evidence and findings are in `RowRecordCommands`.
enum RowCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .form(.editScore, [.enter, .character("e")], .sheet, "录入复核分和扣分原因", hint: "评分", when: { scorableRow($0) }, open: { ctx in
            guard case let (node, r)? = row(ctx.state) else { return nil }
            let eval = ctx.state.scored?.rows[node.id]
            let suggestion = eval?.suggestion.map { "，建议 \($0)" } ?? ""
            return FormState(title: "复核评分 \(node.code) \(node.name)", fields: [
                .text("score", "复核分", r.reviewScore?.description ?? eval?.suggestion?.description ?? "",
                      hint: "范围 \(node.minScore)–\(node.maxScore)\(suggestion)，最多两位小数"),
                .text("reason", "扣分原因", r.deductionReason ?? "", multiline: true, hint: "低于满分时必填（R-003）；与自评分不同须说明理由，写在此处或复核备注（R-004）；Enter 换行"),
            ], target: node.id)
        }, submit: saveScore),

        .init(.acceptSuggestion, [.character("a")], .sheet, "采用引擎建议分", hint: "采用建议", when: { state in
            let editable = scorableRow(state)
            guard editable == .available, case let (node, _)? = row(state) else { return editable }
            let eval = state.scored?.rows[node.id]
            return eval?.suggestion == nil
                ? .refused("此行没有建议分（\(eval?.explanation ?? node.method.label)）：按 \(state.key(.editScore)) 手工评分") : .available
        }) { ctx in acceptSuggestion(&ctx) },

        .form(.verifyActual, [.character("v")], .sheet, "录入核实值（引擎重新建议）", hint: "核实值", when: { scorableRow($0) }, open: { ctx in
            guard case let (node, r)? = row(ctx.state) else { return nil }
            return FormState(title: "核实值 \(node.code) \(node.name)", fields: [
                .text("value", "核实值", r.verifiedActual?.text ?? r.actual?.text ?? "", hint: "如 110%、11/10、37.2/45.12、是/否、A/B/C；清空则取消核实值"),
            ], target: node.id)
        }, submit: { form, ctx in
            guard let d = ctx.state.dossier, let nodeID = form.target, let node = d.template.node(id: nodeID) else { return .nothing }
            var r = d.result(for: nodeID)
            let text = form.trimmed("value")
            r.verifiedActual = text.isEmpty ? nil : ObservedValue.parse(text, unit: node.unitOfMeasure)
            return ctx.saving(ctx.rowChanges(r), success: "已保存核实值") { ctx in
                let suggestion = ctx.state.scored?.rows[nodeID]?.suggestion?.description ?? "—"
                ctx.info("已保存核实值 \(text)；引擎建议 \(suggestion)（\(ctx.key(.acceptSuggestion)) 采用）")
            }
        }),

        .form(.editReason, [.character("r")], .sheet, "编辑扣分原因", when: { scorableRow($0) }, open: { ctx in
            textForm(ctx.state, title: "扣分原因", label: "扣分原因") { $0.deductionReason }
        }, submit: { form, ctx in saveText(form, ctx, title: "已保存扣分原因") { $0.deductionReason = $1 } }),

        .form(.editNote, [.character("m")], .sheet, "编辑复核备注", when: { scorableRow($0) }, open: { ctx in
            textForm(ctx.state, title: "复核备注", label: "备注") { $0.reviewNote }
        }, submit: { form, ctx in saveText(form, ctx, title: "已保存复核备注") { $0.reviewNote = $1 } }),
    ]

    /// The selected row's node and stored result.
    static func row(_ state: AppState) -> (IndicatorNode, IndicatorResult)? {
        guard let d = state.dossier, let row = state.selectedRow else { return nil }
        return (row.node, d.result(for: row.node.id))
    }

    /// A scoresheet is open (reading it, moving and filtering are always possible).
    static func dossierShown(_ state: AppState) -> Availability {
        !state.hasDossier ? .notYet("先在单位列表按 \(state.key(.openUnit)) 打开评分表") : .available
    }

    /// A row can be edited: a dossier is open and its review not finalized.
    static func editableRow(_ state: AppState) -> Availability {
        guard state.hasDossier, state.selectedRow != nil else { return .notYet("先在单位列表按 \(state.key(.openUnit)) 打开评分表") }
        if let why = ReviewLifecycle.readOnlyReason(state.dossier?.review, for: state.actor) { return .refused(why) }
        return .available
    }

    /// …and the selected row is a scored leaf (not a heading, not a trial indicator).
    static func scorableRow(_ state: AppState) -> Availability {
        let editable = editableRow(state)
        guard editable == .available, let row = state.selectedRow else { return editable }
        if !row.isLeaf || row.node.kind == .trial {
            return .refused(row.node.kind == .trial ? "试评价指标只记录，不评分" : "请选择末级指标（此行为汇总行）")
        }
        return .available
    }

    static func saveScore(_ form: FormState, _ ctx: UpdateContext) -> FormSubmission {
        guard let d = ctx.state.dossier, let nodeID = form.target, let node = d.template.node(id: nodeID),
              let eval = ctx.state.scored?.rows[nodeID] else { return .nothing }
        let text = form.trimmed("score")
        var r = d.result(for: nodeID)
        let reason = form.trimmed("reason")
        if text.isEmpty {
            r.reviewScore = nil
            r.status = .unreviewed
            r.deductionReason = reason.isEmpty ? nil : reason
            return ctx.saving(ctx.rowChanges(r), success: "已清除 \(node.code) 的复核分")
        }
        let (score, problems) = ReviewScoreRules.check(text: text, node: node, row: eval)
        if let problem = problems.first(where: { $0.level == .error }) ?? (score == nil ? problems.first : nil) {
            return .invalid("\(problem.code) \(problem.message)", field: "score")
        }
        guard let score else { return .invalid("请输入数字", field: "score") }
        if let problem = ReasonRules.problems(node: node, score: score, selfScore: r.selfScore, deductionReason: reason, reviewNote: r.reviewNote).first {
            return .invalid("\(problem.code) \(problem.message)", field: "reason")
        }
        r.reviewScore = score
        r.deductionReason = reason.isEmpty ? nil : reason
        return ctx.saving(ctx.rowChanges(ctx.reviewed(r)), success: "已保存 \(node.code) 复核分 \(score)")
    }

    /// Takes the engine's suggestion; when a reason is required and none is written, the engine's
    /// explanation of the computation becomes the reason (edit it with r).
    static func acceptSuggestion(_ ctx: inout UpdateContext) {
        guard case let (node, result)? = row(ctx.state), let eval = ctx.state.scored?.rows[node.id],
              let r = RowEdits.accept(result, node: node, evaluation: eval, by: ctx.state.actor.name, at: ctx.clock.now()),
              let suggestion = r.reviewScore else { return }
        let note = r.deductionReason == result.deductionReason ? "" : "，扣分原因按计算说明填写（\(ctx.key(.editReason)) 修改）"
        if let edit = ctx.edit(ctx.rowChanges(r), success: "已采用建议分 \(suggestion)" + note) { ctx.save(edit) }
    }

    /// A form with one multi-line text field of the selected row.
    static func textForm(_ state: AppState, title: String, label: String, _ value: (IndicatorResult) -> String?) -> FormState? {
        guard case let (node, r)? = row(state) else { return nil }
        return FormState(title: "\(title) \(node.code) \(node.name)", fields: [
            .text("text", label, value(r) ?? "", multiline: true, hint: "Enter 换行"),
        ], target: node.id)
    }

    /// Saves a text field of a row (the reason or the note); an empty text clears it.
    static func saveText(_ form: FormState, _ ctx: UpdateContext, title: String, _ set: (inout IndicatorResult, String?) -> Void) -> FormSubmission {
        guard let d = ctx.state.dossier, let nodeID = form.target else { return .nothing }
        var r = d.result(for: nodeID)
        let text = form.trimmed("text")
        set(&r, text.isEmpty ? nil : text)
        let preview = text.isEmpty ? "（已清空）" : "「\(text.replacingOccurrences(of: "\n", with: " ").truncated(toWidth: 30))」"
        return ctx.saving(ctx.rowChanges(r), success: title + preview)
    }
}
