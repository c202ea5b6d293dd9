import FuheCore

/// One line of the draft page: a value the reviewer decides on (in `IntakeDraft.valueIDs` order),
/// or an arithmetic check found in the text (read only; it becomes a finding suggestion).
struct DraftRow: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case field, total, indicator, figure, basis, problem, measure, check }

    /// The value id (`year`, `indicator.3`) or the check id (`check.2`).
    var id: String
    var kind: Kind
    /// 单位, 年度 … 总分, 得分, 数字, 依据, 问题, 措施, 核算.
    var section: String
    /// The name as printed (an indicator's, a figure's label), or the field's name.
    var label: String
    /// The proposal as shown ("20xx", "5", "107.66 万元"); nil when the reader found none.
    var proposed: String?
    /// The decision (nil for a check).
    var decision: DraftDecision?
    /// The decided value as shown ("2021", "T4"), when corrected.
    var corrected: String?
    /// For an indicator: the template node it maps to ("1.1.1 在职人员控制率"), and how.
    var mapping: String?
    var spans: [SourceSpan]
    /// Lines the detail shows under the passage (the reader's note, the match, the candidates).
    var notes: [String]
    /// What stands in the way of the conversion on this row (the readiness rule's sentence).
    var blocker: String?
    /// An indicator's weight as printed ("分值 10"), shown when it prints no score.
    var weightText: String?
    /// Whether the reader proposed a value (a year printed "20xx" has none).
    var hasProposal = true

    var isDecidable: Bool { kind != .check }
}

/// The draft page's rows, built from a draft and the readiness rule (FuheCore).
enum DraftRows {
    static func rows(_ d: IntakeDraft, readiness: IntakeReadiness, templates: [String: IndicatorTemplate]) -> [DraftRow] {
        let blockers = Dictionary(readiness.blockers.map { ($0.valueID, $0.message) }, uniquingKeysWith: { a, _ in a })
        var rows: [DraftRow] = []
        func field(_ id: String, _ short: String, _ name: String, _ v: DraftValue, shown: (String) -> String = { $0 }, notes extra: [String] = []) {
            rows.append(DraftRow(id: id, kind: .field, section: short, label: name, proposed: v.value.map(shown) ?? v.printed,
                                 decision: v.decision, corrected: corrected(v.decision, shown), mapping: nil, spans: v.spans,
                                 notes: [v.note].compactMap { $0 } + extra, blocker: blockers[id], hasProposal: v.value != nil))
        }
        field("unit", "单位", "单位", d.unit)
        field("year", "年度", "年度", d.year)
        field("eval_type", "类型", "评价类型", d.evalType, shown: { IntakeDraft.evalType($0)?.label ?? $0 })
        let candidates = d.templateCandidates.prefix(3).map { "候选 \($0.id) \($0.name)：吻合度 \($0.fit)（\($0.reason)）" }
        field("template", "模板", "模板", d.template, shown: { id in
            let name = templates[id]?.name ?? ""
            let fit = id == d.template.value ? d.templateFit.map { "（吻合度 \($0)）" } ?? "" : ""
            return "\(id) \(name)\(fit)"
        }, notes: candidates)
        field("report_date", "日期", "报告日期", d.reportDate)
        field("grade", "等次", "评价等次", d.grade)
        for t in d.totals {
            rows.append(DraftRow(id: t.id, kind: .total, section: "总分", label: "自评总分", proposed: t.value, decision: t.decision,
                                 corrected: corrected(t.decision), mapping: nil, spans: t.spans, notes: [], blocker: blockers[t.id]))
        }
        for ind in d.indicators {
            var notes: [String] = []
            if let parent = ind.parentLabel { notes.append("所在标题：\(parent)") }
            notes.append(ind.weight.map { "报告印出分值 \($0) 分" } ?? "报告未印分值（不取模板分值）")
            if ind.score == nil { notes.append("报告只印了分值，没有自评得分：不必确认") }
            let match: String = switch ind.match {
            case .exact: "名称一致"
            case .contains: "名称包含"
            case .fuzzy: "名称相近 \(ind.similarity)"
            case .chosen: "复核人选定"
            case .none: "未对应"
            }
            let mapping = ind.node.map { "\($0) \(ind.nodeName ?? "")（\(match)）" }
            rows.append(DraftRow(id: ind.id, kind: .indicator, section: "得分", label: ind.label, proposed: ind.score,
                                 decision: ind.decision, corrected: corrected(ind.decision), mapping: mapping ?? "（未对应模板指标）",
                                 spans: ind.spans, notes: notes, blocker: blockers[ind.id], weightText: ind.weight.map { "分值 \($0)" },
                                 hasProposal: ind.score != nil))
        }
        for f in d.figures {
            rows.append(DraftRow(id: f.id, kind: .figure, section: "数字", label: f.label, proposed: f.value + " " + f.unit,
                                 decision: f.decision, corrected: corrected(f.decision) { $0 + " " + f.unit }, mapping: nil,
                                 spans: f.spans, notes: f.section.map { ["所在部分：\($0)"] } ?? [], blocker: nil))
        }
        for (kind, section, list) in [(DraftRow.Kind.basis, "依据", d.basisDocs), (.problem, "问题", d.problems), (.measure, "措施", d.measures)] {
            for t in list {
                rows.append(DraftRow(id: t.id, kind: kind, section: section, label: t.text, proposed: t.text, decision: t.decision,
                                     corrected: corrected(t.decision), mapping: nil, spans: t.spans, notes: [], blocker: nil))
            }
        }
        for c in d.checks where c.level != .ok {
            let operands = c.operands.map { "\($0.label) \($0.value)" }.joined(separator: "，")
            rows.append(DraftRow(id: c.id, kind: .check, section: "核算", label: c.message, proposed: c.level.label, decision: nil,
                                 corrected: nil, mapping: nil, spans: c.spans,
                                 notes: ["所用数字：\(operands)", "生成卷宗后在原文视图中可登记为问题（自动核查）。"], blocker: nil))
        }
        return rows
    }

    private static func corrected(_ decision: DraftDecision, _ shown: (String) -> String = { $0 }) -> String? {
        if case .corrected(let v) = decision { return shown(v) }
        return nil
    }

    /// "已确认", "更正为 2021", "原文未载", "待确认", "须填写" (a check shows its level).
    static func decisionText(_ row: DraftRow) -> String {
        guard let decision = row.decision else { return row.proposed ?? "" }
        if let corrected = row.corrected { return "更正为 " + corrected }
        if decision == .pending, !row.hasProposal {
            if row.kind == .indicator { return "不需确认" }
            return row.blocker == nil ? "原文未找到" : "须填写"
        }
        return decision.label
    }

    /// A one-character mark readable without colour: ! stands in the way, ✓ decided, · a check.
    static func mark(_ row: DraftRow) -> String {
        if row.blocker != nil { return "!" }
        if row.kind == .check { return "·" }
        return row.decision?.isSettled == true ? "✓" : " "
    }
}
