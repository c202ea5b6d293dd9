import Foundation

/// Rules on the reviewer's own entries (spec §3.8): R-001 range, R-002 decimals, R-007 band or
/// tier range (errors, checked as a score is typed) and R-005 reviewed row without evidence (warning).
public enum ReviewScoreRules {
    /// Reads a typed review score. Returns the score to store — nil when the text is blank (clear
    /// the score) or when any message blocks it — and the blocking messages.
    public static func check(text: String, node: IndicatorNode, row: RowEvaluation) -> (Score?, [ValidationMessage]) {
        let trimmed = ValueText.trimmed(text)
        guard !trimmed.isEmpty else { return (nil, []) }
        func error(_ code: String, _ message: String) -> ValidationMessage {
            ValidationMessage(code: code, level: .error, message: message, nodeID: node.id, field: "review_score")
        }
        let typed = ValueText.normalize(trimmed)   // full-width digits → ASCII
        guard !trimmed.contains(where: \.isWhitespace), !typed.contains(",") else {
            return (nil, [error("R-002", "复核分“\(text)”不是有效的数字")])
        }
        guard let places = ExactDecimal.fractionDigits(typed) else {
            return (nil, [error("R-002", "复核分“\(text)”不是有效的数字")])
        }
        guard places <= 2 else {
            return (nil, [error("R-002", "复核分\(typed)有\(places)位小数，最多保留两位小数")])
        }
        guard let score = Score(typed) else {
            return (nil, [error("R-002", "复核分“\(text)”超出可记录的范围")])
        }
        let messages = rangeProblems(score, node: node, row: row)
        return (messages.isEmpty ? score : nil, messages)
    }

    /// R-001 (the node's range) and R-007 (the band of the chosen level, the tier's range) for a
    /// review score — as typed, or as stored (`StoredRules` asks the same for every stored row).
    public static func rangeProblems(_ score: Score, node: IndicatorNode, row: RowEvaluation?) -> [ValidationMessage] {
        func error(_ code: String, _ message: String) -> ValidationMessage {
            ValidationMessage(code: code, level: .error, message: message, nodeID: node.id, field: "review_score")
        }
        var messages: [ValidationMessage] = []
        if score < node.minScore || score > node.maxScore {
            messages.append(error("R-001",
                "复核分\(score)超出“\(node.name)”的分值范围\(node.minScore)–\(node.maxScore)分"))
        }
        if let range = row?.allowedRange, !range.contains(score) {
            let what: String
            switch node.method {
            case .qualitative3Level: what = "所选定性档次的分值区间"
            case .tiered: what = "所在档次的分值区间"
            default: what = "允许的分值区间"
            }
            messages.append(error("R-007",
                "复核分\(score)不在\(what)\(range.lowerBound)–\(range.upperBound)分内"))
        }
        return messages
    }

    /// R-005 (W): rows marked REVIEWED without any evidence that exists in the dossier.
    public static func missingEvidence(_ dossier: Dossier) -> [ValidationMessage] {
        let index = IndexCache.shared.index(for: dossier.template)
        return missingEvidence(dossier, CheckContext(index: index, results: PositionedResults(dossier.results, ids: index.ids), selfRollups: []))
    }

    static func missingEvidence(_ dossier: Dossier, _ context: CheckContext) -> [ValidationMessage] {
        var known: Set<String>?
        var messages: [ValidationMessage] = []
        for p in context.index.ids.indices where context.results.status(p) == .reviewed {
            if known == nil { known = Set(dossier.evidence.map(\.id)) }
            guard context.results.evidenceIDs(p)?.contains(where: { known?.contains($0) == true }) != true else { continue }
            // The message names only the node: the index keeps it, built once per template (R-005
            // is the commonest message of a store, ~20 a dossier, and building each text was most of this rule).
            messages.append(context.index.missingEvidenceMessages[p])
        }
        return messages
    }

    /// R-005's message for a node (`TemplateIndex.missingEvidenceMessages` keeps one per node).
    static func missingEvidenceMessage(_ node: IndicatorNode) -> ValidationMessage {
        ValidationMessage(code: "R-005", level: .warning, message: "“\(node.name)”已复核但未关联任何佐证材料",
                          nodeID: node.id, field: "evidence_ids")
    }
}
