import Foundation
import FuheCore
import TermCore

extension CommandID {
    public static let addEvidence = CommandID("evidence.add")
    public static let addFinding = CommandID("finding.add")
}

/// Records made from the selected scoresheet row: an evidence entry linked to it, and a finding
/// (pre-filled from the row's rule flag).
enum RowRecordCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .form(.addEvidence, [.character("E")], .sheet, "登记佐证材料（关联本行）", when: { RowCommands.scorableRow($0) }, open: { ctx in
            guard let node = ctx.state.selectedRow?.node else { return nil }
            return FormState(title: "登记佐证材料（关联 \(node.code) \(node.name)）", fields: [
                .text("title", "材料名称", ""),
                .choice("kind", "类别", EvidenceKind.allCases.map(\.label)),
                .text("locator", "位置/凭证号", ""),
                .choice("verified", "已核实", ["是", "否"]),
            ], target: node.id)
        }, submit: { form, ctx in
            guard let d = ctx.state.dossier, let nodeID = form.target else { return .nothing }
            let title = form.trimmed("title")
            guard !title.isEmpty else { return .invalid("材料名称必填", field: "title") }
            let id = NewID.next("EV", tag: ctx.state.storeLabel.idTag, existing: d.evidence.map(\.id))
            let locator = form.trimmed("locator")
            let evidence = Evidence(id: id, title: title, kind: EvidenceKind.allCases[form.index("kind")], locator: locator.isEmpty ? nil : locator,
                                    providedBy: .reviewer, receivedOn: ctx.state.today, verified: form.index("verified") == 0)
            var r = d.result(for: nodeID)
            r.evidenceIDs.append(id)
            return ctx.saving([.evidence(evidence)] + ctx.rowChanges(r), success: "已登记佐证材料 \(id)")
        }),

        .form(.addFinding, [.character("f")], .sheet, "登记问题（关联本行）", hint: "问题", when: { RowCommands.editableRow($0) }, open: { ctx in
            guard let node = ctx.state.selectedRow?.node else { return nil }
            let scored = ctx.state.scored
            let flag = ((scored?.rows[node.id]?.flags ?? []) + (scored?.messages ?? [])).first { $0.nodeID == node.id }
            let categories = FindingCategory.allCases
            let guess = categories.firstIndex(of: FindingSuggestion.category(for: flag?.code, node: node)) ?? 0
            return FormState(title: "登记问题（关联 \(node.code) \(node.name)）", fields: [
                .choice("category", "问题类别", categories.map(\.label), selected: guess),
                .text("description", "问题描述", flag?.message ?? "", multiline: true),
                .choice("severity", "严重程度", ["一般", "严重"]),
                .text("recommendation", "建议", "", multiline: true),
            ], target: node.id)
        }, submit: { form, ctx in
            guard let d = ctx.state.dossier else { return .nothing }
            let nodeID = form.target
            let description = form.trimmed("description")
            guard !description.isEmpty else { return .invalid("问题描述必填", field: "description") }
            let recommendation = form.trimmed("recommendation")
            var finding = Finding(id: NewID.next("F", tag: ctx.state.storeLabel.idTag, existing: d.findings.map(\.id)),
                                  seq: (d.findings.map(\.seq).max() ?? 0) + 1, nodeID: nodeID,
                                  category: FindingCategory.allCases[form.index("category")], description: description,
                                  origin: .review, severity: form.index("severity") == 0 ? .general : .serious,
                                  recommendation: recommendation.isEmpty ? nil : recommendation)
            let repeated = ctx.repeatOf(finding, in: d)
            finding.repeatOf = repeated.map(RepeatFindings.reference)
            var changes: [StoreChange] = [.finding(finding)]
            // The first edit of a review starts it (without touching the row itself).
            if d.review == nil, let nodeID {
                changes = ctx.rowChanges(d.result(for: nodeID)).filter { if case .result = $0 { return false }; return true } + changes
            }
            let note = repeated.map { "（重复问题：\($0.fiscalYear) 年度问题 \($0.seq)）" } ?? ""
            return ctx.saving(changes, success: "已登记问题 \(finding.seq)\(note)：可在整改事项窗格按 \(ctx.key(.createItem)) 新建整改事项")
        }),
    ]
}
