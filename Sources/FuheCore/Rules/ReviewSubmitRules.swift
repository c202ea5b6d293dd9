/// What blocks submitting a review (spec §3.8, checked on submit): R-006 every scorable leaf
/// REVIEWED with a review score; R-003 a deduction reason when a BASE row scores below its maximum
/// (an ADJUST row: below zero, i.e. a penalty); R-004 an explanation (deduction reason or review note)
/// when the review score differs from a stated self score.
extension ReviewLifecycle {
    /// All blocking messages, in template order, each pointing at its row.
    public static func submitBlockers(dossier: Dossier) -> [ValidationMessage] {
        dossier.template.scorableLeaves.flatMap { rowBlockers($0, dossier.result(for: $0.id)) }
    }

    static func rowBlockers(_ node: IndicatorNode, _ row: IndicatorResult) -> [ValidationMessage] {
        let name = RuleText.node(node)
        var out: [ValidationMessage] = []
        if row.status != .reviewed {
            out.append(blocker("R-006", "指标\(name)尚未复核（状态：\(statusLabel(row.status))）", node, "status"))
        }
        guard let review = row.reviewScore else {
            out.append(blocker("R-006", "指标\(name)未填写复核分", node, "review_score"))
            return out
        }
        let threshold = node.kind == .adjust ? Score.zero : node.maxScore
        let hasReason = !RuleText.isBlank(row.deductionReason)
        if review < threshold && !hasReason {
            let what = node.kind == .adjust ? "为扣分" : "低于满分\(node.maxScore)"
            out.append(blocker("R-003", "指标\(name)复核分\(review)\(what)，须填写扣分原因", node, "deduction_reason"))
        }
        if let selfScore = row.selfScore, selfScore != review, !hasReason, RuleText.isBlank(row.reviewNote) {
            out.append(blocker("R-004", "指标\(name)复核分\(review)与自评分\(selfScore)不一致，须说明理由",
                               node, "deduction_reason"))
        }
        return out
    }

    private static func statusLabel(_ status: RowStatus) -> String {
        switch status {
        case .unreviewed: "未复核"
        case .reviewed: "已复核"
        case .queried: "待单位补充"
        }
    }

    private static func blocker(_ code: String, _ message: String, _ node: IndicatorNode, _ field: String) -> ValidationMessage {
        ValidationMessage(code: code, level: .error, message: message, nodeID: node.id, field: field)
    }
}
