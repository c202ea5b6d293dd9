import Foundation

/// Warnings on the scores and grade the unit states (spec §3.8): S-001 self score out of range,
/// S-002 stated subtotal ≠ sum of its parts, S-003 several different totals, S-004 grade missing
/// or inconsistent with the total.
enum StatedScoreChecks {
    /// S-001: a stated self score above max_score or below min_score.
    static func outOfRange(_ context: CheckContext) -> [ValidationMessage] {
        var messages: [ValidationMessage] = []
        let index = context.index
        let nodes = index.template.nodes
        for p in index.ids.indices where index.kinds[p] != .trial {
            guard let s = context.selfScores[p], s > nodes[p].maxScore || s < nodes[p].minScore else { continue }
            let text = s > nodes[p].maxScore
                ? "“\(nodes[p].name)”自评分\(s)超过分值上限\(nodes[p].maxScore)"
                : "“\(nodes[p].name)”自评分\(s)低于分值下限\(nodes[p].minScore)"
            messages.append(ValidationMessage(code: "S-001", level: .warning, message: text, nodeID: nodes[p].id,
                                              field: "self_score"))
        }
        return messages
    }

    /// S-002: a parent's stated self score differs from the sum of its children's stated scores
    /// (a child without its own stated score contributes its rolled-up self score, if any).
    static func subtotals(_ context: CheckContext) -> [ValidationMessage] {
        var messages: [ValidationMessage] = []
        let index = context.index
        for p in index.ids.indices where !index.children[p].isEmpty {
            guard let stated = context.selfScores[p] else { continue }
            var sum = Score.zero
            var found = 0, counted = 0
            for c in index.children[p] where index.kinds[c] != .trial {
                counted += 1
                if let v = context.selfScores[c] ?? context.selfRollups[c].value {
                    sum += v
                    found += 1
                }
            }
            guard found > 0, sum != stated else { continue }
            let partial = found < counted ? "（\(counted - found)项下级指标未填写自评分）" : ""
            let nodes = index.template.nodes
            messages.append(ValidationMessage(code: "S-002", level: .warning, message:
                "“\(nodes[p].name)”小计自评\(stated)分，下级指标自评合计\(sum)分\(partial)，两者不一致",
                nodeID: nodes[p].id, field: "self_score"))
        }
        return messages
    }

    /// S-003: the report states more than one different total.
    static func totals(_ evaluation: SelfEvaluation) -> [ValidationMessage] {
        var distinct: [Score] = []
        for t in evaluation.statedTotals where !distinct.contains(t) { distinct.append(t) }
        guard distinct.count > 1 else { return [] }
        return [ValidationMessage(code: "S-003", level: .warning, message:
            "报告先后写出\(distinct.count)个不同的总分：\(distinct.map(\.description).joined(separator: "、"))分，"
            + "以最后的\(evaluation.statedTotals.last ?? .zero)分作为自评总分", field: "stated_totals")]
    }

    /// S-004: a total without a grade, a grade that is not the scheme's grade of the final total,
    /// or a grade without any score.
    static func grade(_ evaluation: SelfEvaluation, scheme: GradeScheme) -> [ValidationMessage] {
        let written = ValueText.trimmed(evaluation.statedGrade ?? "")
        let total = evaluation.finalStatedTotal
        func warn(_ text: String) -> [ValidationMessage] {
            [ValidationMessage(code: "S-004", level: .warning, message: text, field: "stated_grade")]
        }
        switch (total, written.isEmpty) {
        case (nil, true):
            return []
        case (let total?, true):
            let expected = scheme.grade(for: total).map { "，按总分应为“\($0.label)”" } ?? ""
            return warn("报告总分\(total)分，但未写评价等次\(expected)")
        case (nil, false):
            return warn("报告写明等次“\(written)”，但未给出得分")
        case (let total?, false):
            let expected = scheme.grade(for: total)
            guard let band = scheme.bands.first(where: { $0.label == written || $0.code == written })
                    ?? scheme.band(named: written) else {
                return warn("报告写明等次“\(written)”，不是\(scheme.name)的等次"
                    + (expected.map { "，按总分\(total)分应为“\($0.label)”" } ?? ""))
            }
            guard band.code != expected?.code else { return [] }
            return warn("报告写明等次“\(written)”，但总分\(total)分按\(scheme.name)应为“\(expected?.label ?? "无等次")”")
        }
    }
}
