/// What blocks submitting a review (spec §3.8, checked on submit): R-006 every scorable leaf
/// REVIEWED with a review score; as ``ReasonRules`` decides them.
extension ReviewLifecycle {
    /// All blocking messages, in template order, each pointing at its row.
    public static func submitBlockers(dossier: Dossier) -> [ValidationMessage] {
        dossier.template.scorableLeaves.flatMap { rowBlockers($0, dossier.result(for: $0.id)) }
    }

    /// The same, with the template's scorable leaves taken from `index` (built from exactly the
    /// dossier's template): `fuhe check` asks this of every submitted review, and the leaf list
    /// built each time was most of it.
    static func submitBlockers(dossier: Dossier, index: TemplateIndex) -> [ValidationMessage] {
        var out: [ValidationMessage] = []
        index.template.nodes.withUnsafeBufferPointer { nodes in
            for p in index.templateScorableLeaves { out += rowBlockers(nodes[p], dossier.result(for: nodes[p].id)) }
        }
        return out
    }

    static func rowBlockers(_ node: IndicatorNode, _ row: IndicatorResult) -> [ValidationMessage] {
        var name: String { RuleText.node(node) }   // built only for a message (asked of every leaf)
        // R-006 is one cause per row (the leaf is not REVIEWED with a review score): a row neither
        // reviewed nor scored gets one message saying both, not two.
        switch (row.status == .reviewed, row.reviewScore) {
        case (false, nil):
            return [blocker("R-006", "指标\(name)尚未复核（状态：\(row.status.label)），未填写复核分", node, "review_score")]
        case (true, nil):
            return [blocker("R-006", "指标\(name)未填写复核分", node, "review_score")]
        case (let reviewed, let review?):
            let unreviewed = reviewed ? [] : [blocker("R-006", "指标\(name)尚未复核（状态：\(row.status.label)）", node, "status")]
            return unreviewed + ReasonRules.problems(node: node, score: review, selfScore: row.selfScore,
                                                     deductionReason: row.deductionReason, reviewNote: row.reviewNote)
        }
    }

    private static func blocker(_ code: String, _ message: String, _ node: IndicatorNode, _ field: String) -> ValidationMessage {
        ValidationMessage(code: code, level: .error, message: message, nodeID: node.id, field: field)
    }
}
