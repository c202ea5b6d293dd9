import Foundation

/// Warnings on a report's completeness (spec §3.8): S-005 required form fields left blank and
/// S-006 template instructions left in the report or a required section missing.
enum CompletenessChecks {
    /// Phrases that betray template instructions left in a section's text (D4#4).
    static let templatePhrases: [String] = [
        "（说明", "(说明", "此处填写", "请填写", "填写说明", "应包括", "主要包括", "要求：", "要求:",
        "xxx", "XX", "××", "根据评价", "简要", "（附表说明）", "(附表说明)",
    ]

    /// S-005: no stated total, no stated grade, no self-evaluation team or unsigned members, and
    /// quantitative leaves (direction ≠ QUALITATIVE, except BUDGET_EXEC rows, whose target is the
    /// budget) without a target.
    static func blankFields(_ dossier: Dossier, _ context: CheckContext) -> [ValidationMessage] {
        var messages: [ValidationMessage] = []
        func warn(_ text: String, field: String, nodeID: String? = nil) {
            messages.append(ValidationMessage(code: "S-005", level: .warning, message: text, nodeID: nodeID, field: field))
        }
        if dossier.evaluation.statedTotals.isEmpty { warn("报告未填写绩效自评综合得分", field: "stated_totals") }
        if (dossier.evaluation.statedGrade ?? "").allSatisfy(\.isWhitespace) {
            warn("报告未填写评价等次", field: "stated_grade")
        }
        if dossier.selfTeam.isEmpty {
            warn("报告未列出评价人员", field: "self_team")
        } else {
            let unsigned = dossier.selfTeam.filter { !$0.signed }.map(\.name)
            if !unsigned.isEmpty {
                warn("评价人员\(unsigned.joined(separator: "、"))未签字", field: "self_team")
            }
        }
        for p in context.index.leafPositions where context.index.needsTarget[p] {
            let blank = context.results.target(p).map { $0.number == nil && $0.text.allSatisfy(\.isWhitespace) } ?? true
            guard blank else { continue }
            let nodes = context.nodes
            warn("定量指标“\(nodes[p].name)”未填写目标值", field: "target", nodeID: nodes[p].id)
        }
        return messages
    }

    /// S-006: a section marked not present, or a present section whose text still contains
    /// template instructions.
    static func templateText(_ evaluation: SelfEvaluation) -> [ValidationMessage] {
        var messages: [ValidationMessage] = []
        for section in evaluation.reportSections {
            if !section.present {
                messages.append(ValidationMessage(code: "S-006", level: .warning, message:
                    "报告缺少“\(section.title)”部分", field: "report_sections"))
                continue
            }
            let found = templatePhrases.filter { section.text.contains($0) }
            guard !found.isEmpty else { continue }
            let shown = found.prefix(3).map { "“\($0)”" }.joined(separator: "、")
            messages.append(ValidationMessage(code: "S-006", level: .warning, message:
                "“\(section.title)”部分仍含模板说明文字（\(shown)），未按实际情况填写", field: "report_sections"))
        }
        return messages
    }
}
