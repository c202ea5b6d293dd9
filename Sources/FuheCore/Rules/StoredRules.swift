/// Every rule a stored dossier can break, as errors: what the store refuses on every write, and
/// what `fuhe check` reports for a store changed behind Fuhe's back. Rules are asked of their one
/// home (`ReviewScoreRules`, `ReasonRules`, `ItemRules`, `ReviewLifecycle`,
/// `EvaluationLifecycle`); the reference checks are stated here.
///
/// | code | what |
/// |---|---|
/// | R-001, R-007 | a stored review score outside the node's range, the level's band or the tier |
/// | R-003, R-004, R-006 | a submitted or finalized review that could not have been submitted |
/// | K-001 … K-004 | an item that breaks its rules (`ItemRules`) |
/// | I-001 | a row or finding for a node that is not in the template |
/// | I-002 | an item citing a finding that does not exist |
/// | I-003 | a row or item citing evidence that does not exist |
/// | I-004 | two findings, or two items, with the same number (序号) |
/// | I-005 | a self-evaluation status other than the one the review and items imply |
/// | I-006 | a finalized review without its frozen total and grade, or frozen at another total |
public enum StoredRules {
    /// The problems of one stored scoresheet row in `template` (I-001, R-001, R-007).
    public static func rowProblems(_ row: IndicatorResult, template: IndicatorTemplate, evaluation: SelfEvaluation) -> [ValidationMessage] {
        rowProblems(row, node: template.node(id: row.nodeID), templateID: template.id) {
            ScoringEngine.evaluate(node: $0, result: row, evaluation: evaluation)
        }
    }

    /// The same, with the node looked up and the row's evaluation taken from what the caller
    /// already computed (`evaluated` is asked only for a reviewed, non-TRIAL row).
    static func rowProblems(_ row: IndicatorResult, node: IndicatorNode?, templateID: String,
                            evaluated: (IndicatorNode) -> RowEvaluation?) -> [ValidationMessage] {
        guard let node else {
            return [ValidationMessage(code: "I-001", level: .error, message: "评分表行「\(row.nodeID)」不属于模板\(templateID)",
                                      nodeID: row.nodeID, field: "node_id")]
        }
        guard let score = row.reviewScore else { return [] }
        return ReviewScoreRules.rangeProblems(score, node: node, row: node.kind == .trial ? nil : evaluated(node))
    }

    /// Every error in a stored dossier, rows first, then findings, items, review and status.
    public static func violations(_ dossier: Dossier, scored: ScoredDossier) -> [ValidationMessage] {
        let evidence = Set(dossier.evidence.map(\.id))
        let sameTemplate = scored.index.matches(dossier.template)
        let nodes = scored.index.template.nodes
        // Rows in node-id order: the rows are read as the dictionary holds them, and only those
        // with a problem (on a sound store none) are put in order — not every dossier's 60 ids,
        // each looked up again (~2 % of `fuhe check`).
        var problemRows: [(nodeID: String, messages: [ValidationMessage])] = []
        for (nodeID, row) in dossier.results {
            var out: [ValidationMessage] = []
            defer { if !out.isEmpty { problemRows.append((nodeID, out)) } }
            if sameTemplate, let p = scored.index.position[nodeID] {
                // The scorer already evaluated every row of this template (its index is the
                // dossier's template); evaluating each again doubled the cost of an import and of
                // `fuhe check`. The node is read in place, and only for a row with a review score.
                if let score = row.reviewScore {
                    out += nodes.withUnsafeBufferPointer { nodes in
                        ReviewScoreRules.rangeProblems(score, node: nodes[p], row: nodes[p].kind == .trial ? nil
                            : scored.rows[nodeID] ?? ScoringEngine.evaluate(node: nodes[p], result: row, evaluation: dossier.evaluation))
                    }
                }
            } else {
                let node = sameTemplate ? nil : dossier.template.node(id: nodeID)
                out += rowProblems(row, node: node, templateID: dossier.template.id) { node in
                    ScoringEngine.evaluate(node: node, result: row, evaluation: dossier.evaluation)
                }
            }
            for id in row.evidenceIDs where !evidence.contains(id) {
                out.append(error("I-003", "评分表行「\(label(nodeID, dossier))」引用的佐证材料\(id)不存在", nodeID: nodeID, field: "evidence_ids"))
            }
        }
        var out = problemRows.sorted { $0.nodeID < $1.nodeID }.flatMap(\.messages)
        let findingIDs = Set(dossier.findings.map(\.id))
        var findingSeqs = Set<Int>()
        for f in dossier.findings {
            if let node = f.nodeID, dossier.template.node(id: node) == nil {
                out.append(error("I-001", "问题\(f.seq)（\(f.id)）关联的指标「\(node)」不属于模板\(dossier.template.id)", field: "node_id"))
            }
            if !findingSeqs.insert(f.seq).inserted {
                out.append(error("I-004", "问题序号\(f.seq)重复（\(f.id)）", field: "seq"))
            }
        }
        var itemSeqs = Set<Int>()
        for item in dossier.items {
            out += ItemRules.validate(item)
            if !findingIDs.contains(item.findingID) {
                out.append(error("I-002", "整改事项\(item.seq)（\(item.id)）所属的问题\(item.findingID)不存在", itemID: item.id, field: "finding_id"))
            }
            for id in item.evidenceIDs where !evidence.contains(id) {
                out.append(error("I-003", "整改事项\(item.seq)（\(item.id)）引用的佐证材料\(id)不存在", itemID: item.id, field: "evidence_ids"))
            }
            if !itemSeqs.insert(item.seq).inserted {
                out.append(error("I-004", "整改事项序号\(item.seq)重复（\(item.id)）", itemID: item.id, field: "seq"))
            }
        }
        out += reviewProblems(dossier, scored: scored, sameTemplate: sameTemplate)
        let derived = EvaluationLifecycle.derivedStatus(current: dossier.evaluation.status, review: dossier.review, items: dossier.items)
        if derived != dossier.evaluation.status {
            out.append(error("I-005", "自评状态为「\(dossier.evaluation.status.label)」，按复核和整改事项应为「\(derived.label)」", field: "status"))
        }
        return out
    }

    /// A submitted or finalized review must pass the submit rules; a finalized one carries its
    /// frozen total and grade, equal to the scoresheet's total.
    static func reviewProblems(_ dossier: Dossier, scored: ScoredDossier, sameTemplate: Bool) -> [ValidationMessage] {
        guard let review = dossier.review, review.status != .draft else { return [] }
        let blockers = sameTemplate ? ReviewLifecycle.submitBlockers(dossier: dossier, index: scored.index)
                                    : ReviewLifecycle.submitBlockers(dossier: dossier)
        var out = blockers.map { m -> ValidationMessage in
            var m = m
            m.message = "复核已\(review.status == .submitted ? "提交" : "定稿")，但" + m.message
            return m
        }
        guard review.status == .finalized else { return out }
        let total = scored.total(.review)
        if review.frozenTotal == nil || RuleText.isBlank(review.frozenGrade) {
            out.append(error("I-006", "复核已定稿，但没有记录定稿总分和等次", field: "frozen_total"))
        } else if let frozen = review.frozenTotal, total.complete, total.value != frozen {
            out.append(error("I-006", "复核定稿总分\(frozen)与评分表复核总分\(total.text)不一致", field: "frozen_total"))
        }
        return out
    }

    private static func label(_ nodeID: String, _ dossier: Dossier) -> String {
        dossier.template.node(id: nodeID).map { "\($0.code) \($0.name)" } ?? nodeID
    }

    private static func error(_ code: String, _ text: String, nodeID: String? = nil, itemID: String? = nil, field: String) -> ValidationMessage {
        ValidationMessage(code: code, level: .error, message: text, nodeID: nodeID, itemID: itemID, field: field)
    }
}
