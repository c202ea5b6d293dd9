import Foundation
import FuheCore
import TermCore

extension Workstation {
    /// Commands on the selected scoresheet row.
    func rowCommand(_ command: CommandID) {
        guard let d = state.dossier, let row = state.selectedRow else { info("先在单位列表按 Enter 打开评分表"); return }
        if let why = ReviewLifecycle.readOnlyReason(d.review, for: state.actor) { fail(why); return }
        let node = row.node
        let r = d.result(for: node.id)
        if command != .addFinding && (!row.isLeaf || node.kind == .trial) {
            fail(node.kind == .trial ? "试评价指标只记录，不评分" : "请选择末级指标（此行为汇总行）")
            return
        }
        let eval = state.scored?.rows[node.id]
        let range = "\(node.minScore)–\(node.maxScore)"
        switch command {
        case .editScore:
            let suggestion = eval?.suggestion.map { "，建议 \($0)" } ?? ""
            state.overlay = .form(FormState(title: "复核评分 \(node.code) \(node.name)", fields: [
                .text("score", "复核分", r.reviewScore?.description ?? eval?.suggestion?.description ?? "", hint: "范围 \(range)\(suggestion)，最多两位小数"),
                .text("reason", "扣分原因", r.deductionReason ?? "", multiline: true, hint: "低于满分时必填（R-003）；与自评分不同须说明理由，写在此处或复核备注（R-004）；Enter 换行"),
            ], purpose: .reviewScore(nodeID: node.id)))
        case .acceptSuggestion:
            acceptSuggestion(node: node, result: r, eval: eval)
        case .verifyActual:
            state.overlay = .form(FormState(title: "核实值 \(node.code) \(node.name)", fields: [
                .text("value", "核实值", r.verifiedActual?.text ?? r.actual?.text ?? "", hint: "如 110%、11/10、37.2/45.12、是/否、A/B/C；清空则取消核实值"),
            ], purpose: .verifiedActual(nodeID: node.id)))
        case .editReason:
            state.overlay = .form(FormState(title: "扣分原因 \(node.code) \(node.name)", fields: [
                .text("text", "扣分原因", r.deductionReason ?? "", multiline: true, hint: "Enter 换行"),
            ], purpose: .reason(nodeID: node.id)))
        case .editNote:
            state.overlay = .form(FormState(title: "复核备注 \(node.code) \(node.name)", fields: [
                .text("text", "备注", r.reviewNote ?? "", multiline: true, hint: "Enter 换行"),
            ], purpose: .note(nodeID: node.id)))
        case .addEvidence:
            state.overlay = .form(FormState(title: "登记佐证材料（关联 \(node.code) \(node.name)）", fields: [
                .text("title", "材料名称", ""),
                .choice("kind", "类别", EvidenceKind.allCases.map(\.label)),
                .text("locator", "位置/凭证号", ""),
                .choice("verified", "已核实", ["是", "否"]),
            ], purpose: .evidence(nodeID: node.id)))
        case .addFinding:
            let flag = ((eval?.flags ?? []) + (state.scored?.messages ?? [])).first { $0.nodeID == node.id }
            let categories = FindingCategory.allCases
            let guess = categories.firstIndex(of: FindingSuggestion.category(for: flag?.code, node: node)) ?? 0
            state.overlay = .form(FormState(title: "登记问题（关联 \(node.code) \(node.name)）", fields: [
                .choice("category", "问题类别", categories.map(\.label), selected: guess),
                .text("description", "问题描述", flag?.message ?? "", multiline: true),
                .choice("severity", "严重程度", ["一般", "严重"]),
                .text("recommendation", "建议", "", multiline: true),
            ], purpose: .finding(nodeID: node.id)))
        default:
            break
        }
    }

    /// Takes the engine's suggestion; when a reason is required and none is written, the engine's
    /// explanation of the computation becomes the reason (edit it with r).
    func acceptSuggestion(node: IndicatorNode, result: IndicatorResult, eval: RowEvaluation?) {
        guard let suggestion = eval?.suggestion else {
            fail("此行没有建议分（\(eval?.explanation ?? node.method.label)）：按 Enter 手工评分")
            return
        }
        var r = result
        r.reviewScore = suggestion
        if needsReason(node: node, score: suggestion, selfScore: r.selfScore), (r.deductionReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            r.deductionReason = eval?.explanation
        }
        saveReviewedRow(r, success: "已采用建议分 \(suggestion)" + (r.deductionReason == result.deductionReason ? "" : "，扣分原因按计算说明填写（r 修改）"))
    }

    func needsReason(node: IndicatorNode, score: Score, selfScore: Score?) -> Bool {
        ReasonRules.needsWords(node: node, score: score, selfScore: selfScore, reviewNote: nil)
    }

    func saveScore(_ form: FormState, nodeID: String) {
        guard let d = state.dossier, let node = d.template.node(id: nodeID), let eval = state.scored?.rows[nodeID] else { return }
        let text = form.value("score").trimmingCharacters(in: .whitespaces)
        var r = d.result(for: nodeID)
        let reason = form.value("reason").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            r.reviewScore = nil
            r.status = .unreviewed
            r.deductionReason = reason.isEmpty ? nil : reason
            write(rowChanges(r), success: "已清除 \(node.code) 的复核分")
            return
        }
        let (score, problems) = ReviewScoreRules.check(text: text, node: node, row: eval)
        if let problem = problems.first(where: { $0.level == .error }) ?? (score == nil ? problems.first : nil) {
            formError(form, "\(problem.code) \(problem.message)", field: "score")
            return
        }
        guard let score else { formError(form, "请输入数字", field: "score"); return }
        if let problem = ReasonRules.problems(node: node, score: score, selfScore: r.selfScore, deductionReason: reason, reviewNote: r.reviewNote).first {
            formError(form, "\(problem.code) \(problem.message)", field: "reason")
            return
        }
        r.reviewScore = score
        r.deductionReason = reason.isEmpty ? nil : reason
        saveReviewedRow(r, success: "已保存 \(node.code) 复核分 \(score)")
    }

    func saveReviewedRow(_ result: IndicatorResult, success: String) {
        var r = result
        r.status = .reviewed
        r.reviewedBy = state.actor.name
        r.reviewedAt = clock.now()
        write(rowChanges(r), success: success)
    }

    /// A row change plus, on the first edit, the draft review and the self-evaluation status.
    func rowChanges(_ r: IndicatorResult) -> [StoreChange] {
        var changes: [StoreChange] = [.result(r)]
        guard let d = state.dossier else { return changes }
        var review = d.review
        if review == nil {
            review = Review(id: "RV-\(d.id)", team: [TeamMember(name: state.actor.name, role: state.actor.role ?? .member)],
                            status: .draft, startedAt: clock.now())
            changes.insert(.review(review), at: 0)
        }
        return EvaluationLifecycle.completing(changes, for: d)
    }

    func saveVerified(_ form: FormState, nodeID: String) {
        guard let d = state.dossier, let node = d.template.node(id: nodeID) else { return }
        var r = d.result(for: nodeID)
        let text = form.value("value").trimmingCharacters(in: .whitespacesAndNewlines)
        r.verifiedActual = text.isEmpty ? nil : ObservedValue.parse(text, unit: node.unitOfMeasure)
        if write(rowChanges(r), success: "已保存核实值") {
            let s = state.scored?.rows[nodeID]
            info("已保存核实值 \(text)；引擎建议 \(s?.suggestion?.description ?? "—")（a 采用）")
        }
    }

    func saveText(_ form: FormState, nodeID: String, note: Bool) {
        guard let d = state.dossier else { return }
        var r = d.result(for: nodeID)
        let text = form.value("text").trimmingCharacters(in: .whitespacesAndNewlines)
        if note { r.reviewNote = text.isEmpty ? nil : text } else { r.deductionReason = text.isEmpty ? nil : text }
        let preview = text.isEmpty ? "（已清空）" : "「\(text.replacingOccurrences(of: "\n", with: " ").truncated(toWidth: 30))」"
        write(rowChanges(r), success: (note ? "已保存复核备注" : "已保存扣分原因") + preview)
    }

    func saveEvidence(_ form: FormState, nodeID: String) {
        guard let d = state.dossier else { return }
        let title = form.value("title").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { formError(form, "材料名称必填", field: "title"); return }
        let id = NewID.next("EV", tag: state.storeLabel.idTag, existing: d.evidence.map(\.id))
        let locator = form.value("locator").trimmingCharacters(in: .whitespaces)
        let evidence = Evidence(id: id, title: title, kind: EvidenceKind.allCases[form.index("kind")], locator: locator.isEmpty ? nil : locator,
                                providedBy: .reviewer, receivedOn: state.today, verified: form.index("verified") == 0)
        var r = d.result(for: nodeID)
        r.evidenceIDs.append(id)
        write([.evidence(evidence)] + rowChanges(r), success: "已登记佐证材料 \(id)")
    }

    func saveFinding(_ form: FormState, nodeID: String?) {
        guard let d = state.dossier else { return }
        let description = form.value("description").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !description.isEmpty else { formError(form, "问题描述必填", field: "description"); return }
        let recommendation = form.value("recommendation").trimmingCharacters(in: .whitespacesAndNewlines)
        let finding = Finding(id: NewID.next("F", tag: state.storeLabel.idTag, existing: d.findings.map(\.id)), seq: (d.findings.map(\.seq).max() ?? 0) + 1,
                              nodeID: nodeID, category: FindingCategory.allCases[form.index("category")], description: description,
                              origin: .review, severity: form.index("severity") == 0 ? .general : .serious,
                              recommendation: recommendation.isEmpty ? nil : recommendation)
        var changes: [StoreChange] = [.finding(finding)]
        if d.review == nil, let nodeID { changes = rowChanges(d.result(for: nodeID)).filter { if case .result = $0 { return false }; return true } + changes }
        write(changes, success: "已登记问题 \(finding.seq)：可在整改事项窗格按 c 新建整改事项")
    }
}

/// New ids for entities created in the workstation ("EV-7", "F-3", "RI-12").
enum NewID {
    static func next(_ kind: String, tag: String = "", existing: [String]) -> String {
        let prefix = tag.isEmpty ? kind : "\(kind)-\(tag)"
        let numbers = existing.compactMap { id -> Int? in
            guard id.hasPrefix(prefix + "-") else { return nil }
            return Int(id.split(separator: "-").last ?? "")
        }
        var n = (numbers.max() ?? 0) + 1
        while existing.contains("\(prefix)-\(n)") { n += 1 }
        return "\(prefix)-\(n)"
    }
}

/// A finding category guessed from the rule flag of a row.
enum FindingSuggestion {
    static func category(for code: String?, node: IndicatorNode) -> FindingCategory {
        switch code {
        case "S-001": .scoreOverWeight
        case "S-002", "S-003": .totalInconsistent
        case "S-004", "S-005", "S-006": .reportIncomplete
        case "D-001", "D-002", "D-006": .calcError
        case "D-004": .staffing
        case "D-005": .budgetExecution
        case "OVERSHOOT": .targetUnclear
        case "R-005": .evidence
        default: node.name.contains("采购") ? .procurement : .other
        }
    }
}
