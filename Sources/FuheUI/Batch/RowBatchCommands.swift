import Foundation
import FuheCore
import TermCore

extension CommandID {
    public static let batchAccept = CommandID("batch.accept")
    public static let batchScore = CommandID("batch.set-score")
    public static let batchReason = CommandID("batch.reason")
    public static let batchEvidence = CommandID("batch.evidence")
}

/// The batch actions on the selected scoresheet rows: accept every suggestion, one score (and
/// reason), one reason, one evidence entry. `RowBatch` (FuheCore) plans each row with the rules
/// of one row; the preview lists every change and every refusal before anything is stored.
enum RowBatchCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.batchAccept, [.character("a")], .batchRows, "采用每一行的引擎建议分") { ctx in
            ctx.closeTop()
            guard let (d, scored, nodes) = selectedRows(ctx.state) else { return }
            let plan = RowBatch.acceptSuggestions(nodes, in: d, scored: scored, by: ctx.state.actor.name, at: ctx.clock.now())
            ctx.push(preview("批量采用建议分", plan, ctx, success: "已批量采用建议分：\(plan.changedRows.count) 行"))
        },
        .batchForm(.batchScore, [.enter, .character("e")], .batchRows, "为各行设定同一复核分（和扣分原因）", open: { ctx in
            guard let (_, _, nodes) = selectedRows(ctx.state) else { return nil }
            return FormState(title: "批量评分（\(nodes.count) 行）", fields: [
                .text("score", "复核分", "", hint: "数字，或 满分 / 自评 / 建议（逐行取值）；每行按各自的分值范围检查（R-001/R-002/R-007）"),
                .text("reason", "扣分原因", "", multiline: true, hint: "低于满分或与自评不同时必填（R-003/R-004）；空则保留各行原有理由"),
            ])
        }, submit: { form, ctx in
            guard let (d, scored, nodes) = selectedRows(ctx.state) else { return .nothing }
            let text = form.trimmed("score")
            guard !text.isEmpty else { return .invalid("请输入复核分", field: "score") }
            let reason = form.trimmed("reason")
            let plan = RowBatch.setScore(text, reason: reason, nodes, in: d, scored: scored, by: ctx.state.actor.name, at: ctx.clock.now())
            return .open(preview("批量评分 \(text)", plan, ctx, reason: reason.isEmpty ? nil : reason,
                                 success: "已批量评分 \(text)：\(plan.changedRows.count) 行"))
        }),
        .batchForm(.batchReason, [.character("r")], .batchRows, "为各行设定同一扣分原因", open: { ctx in
            guard let (_, _, nodes) = selectedRows(ctx.state) else { return nil }
            return FormState(title: "批量设定扣分原因（\(nodes.count) 行）", fields: [
                .text("reason", "扣分原因", "", multiline: true, hint: "替换各行原有的扣分原因；Enter 换行"),
            ])
        }, submit: { form, ctx in
            guard let (d, scored, nodes) = selectedRows(ctx.state) else { return .nothing }
            let reason = form.trimmed("reason")
            guard !reason.isEmpty else { return .invalid("请填写扣分原因", field: "reason") }
            let plan = RowBatch.setReason(reason, nodes, in: d, scored: scored)
            return .open(preview("批量设定扣分原因", plan, ctx, success: "已为 \(plan.changedRows.count) 行设定扣分原因"))
        }),
        .batchForm(.batchEvidence, [.character("E")], .batchRows, "登记一份佐证材料并关联各行", open: { ctx in
            guard let (_, _, nodes) = selectedRows(ctx.state) else { return nil }
            return FormState(title: "登记佐证材料并关联 \(nodes.count) 行", fields: [
                .text("title", "材料名称", ""),
                .choice("kind", "类别", EvidenceKind.allCases.map(\.label)),
                .text("locator", "位置/凭证号", ""),
                .choice("verified", "已核实", ["是", "否"]),
            ])
        }, submit: { form, ctx in
            guard let (d, scored, nodes) = selectedRows(ctx.state) else { return .nothing }
            let title = form.trimmed("title")
            guard !title.isEmpty else { return .invalid("材料名称必填", field: "title") }
            let locator = form.trimmed("locator")
            let evidence = Evidence(id: NewID.next("EV", tag: ctx.state.storeLabel.idTag, existing: d.evidence.map(\.id)), title: title,
                                    kind: EvidenceKind.allCases[form.index("kind")], locator: locator.isEmpty ? nil : locator,
                                    providedBy: .reviewer, receivedOn: ctx.state.today, verified: form.index("verified") == 0)
            let plan = RowBatch.attachEvidence(evidence.id, nodes, in: d, scored: scored)
            return .open(preview("登记佐证 \(evidence.id)「\(title)」并关联", plan, ctx, extra: [.evidence(evidence)],
                                 success: "已登记佐证 \(evidence.id) 并关联 \(plan.changedRows.count) 行"))
        }),
    ]

    /// The open dossier, its scores and the selected rows (in template order).
    static func selectedRows(_ state: AppState) -> (Dossier, ScoredDossier, [IndicatorNode])? {
        guard let d = state.dossier, let scored = state.scored else { return nil }
        let selection = state[ScoresheetPane.self].selection
        let nodes = d.template.nodes.filter { selection.contains($0.id) }
        return nodes.isEmpty ? nil : (d, scored, nodes)
    }

    /// The preview of a plan, with the edit that stores every changed row (plus `extra`, and the
    /// draft review and evaluation status the first edit of a review brings).
    static func preview(_ title: String, _ plan: RowBatchPlan, _ ctx: UpdateContext, extra: [StoreChange] = [],
                        reason: String? = nil, success: String) -> BatchPreview {
        let lines = plan.lines.map { line -> BatchPreview.Line in
            let name = "\(line.node.code) \(line.node.name)"
            if line.isRefused {
                return .init(kind: .refused, text: name + "：" + line.refusals.map { ($0.code.isEmpty ? "" : $0.code + " ") + $0.message }.joined(separator: "；"))
            }
            guard let after = line.after else { return .init(kind: .unchanged, text: name + "：已是如此") }
            return .init(kind: .change, text: name + "：" + describe(line.before, after, dossier: ctx.state.dossier))
        }
        let changes = plan.changedRows.isEmpty ? [] : extra + ctx.rowsChanges(plan.changedRows)
        let edit = changes.isEmpty ? nil : ctx.edit(changes, reason: reason, success: success)
        return BatchPreview(title: title, lines: lines, edit: edit)
    }

    /// "复核分 — → 5.00 · 扣分原因 → “…” · 状态 未复核 → 已复核 · 佐证 +EV-3".
    static func describe(_ a: IndicatorResult, _ b: IndicatorResult, dossier: Dossier?) -> String {
        var parts: [String] = []
        if a.reviewScore != b.reviewScore { parts.append("复核分 \(a.reviewScore?.description ?? "—") → \(b.reviewScore?.description ?? "—")") }
        if a.deductionReason != b.deductionReason {
            let text = (b.deductionReason ?? "（清空）").replacingOccurrences(of: "\n", with: " ")
            parts.append("扣分原因 → “\(text.truncated(toWidth: 40))”")
        }
        if a.status != b.status { parts.append("状态 \(label(a.status)) → \(label(b.status))") }
        let added = b.evidenceIDs.filter { !a.evidenceIDs.contains($0) }
        if !added.isEmpty { parts.append("佐证 +" + added.joined(separator: " ")) }
        return parts.isEmpty ? "（复核人、时间）" : parts.joined(separator: " · ")
    }

    static func label(_ status: RowStatus) -> String {
        switch status {
        case .unreviewed: "未复核"
        case .reviewed: "已复核"
        case .queried: "待补充"
        }
    }
}

extension UpdateContext {
    /// Several rows of the open dossier in one edit, plus (on the first edit) the draft review and
    /// the self-evaluation status it implies.
    func rowsChanges(_ rows: [IndicatorResult]) -> [StoreChange] {
        guard let d = state.dossier else { return rows.map { .result($0) } }
        var changes: [StoreChange] = rows.map { .result($0) }
        var review = d.review
        if review == nil {
            review = draftReview(d)
            changes.insert(.review(review), at: 0)
        }
        return changes + evaluationChange(d, review: review, items: d.items)
    }
}
