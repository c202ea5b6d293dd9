/// When a review score needs words (spec §3.8), decided here for the score form, the submit check
/// and `fuhe check` alike:
///
/// - **R-003** — a *deduction reason* (扣分原因) when the review score is below the row's maximum
///   (an ADJUST row: below zero, i.e. a penalty). Only the deduction reason satisfies it.
/// - **R-004** — an *explanation* when the review score differs from a stated self score. The
///   spec asks for an explanation, not a deduction: a reviewer who raises a score (or keeps the
///   maximum where the unit claimed more, S-001) explains it in the review note (复核备注), so a
///   deduction reason **or** a review note satisfies it. A score below the maximum already needs
///   its deduction reason, which explains the difference too.
///
/// ```swift
/// ReasonRules.problems(node: node, score: Score("0")!, selfScore: Score("5"), deductionReason: nil, reviewNote: nil)
/// // [R-003 …须填写扣分原因]
/// ```
public enum ReasonRules {
    /// The messages for a review score with the given texts (blank counts as none),
    /// each pointing at the field to fill (`deduction_reason`, or for R-004 `review_note` when the
    /// reason itself is not required).
    public static func problems(node: IndicatorNode, score: Score, selfScore: Score?,
                                deductionReason: String?, reviewNote: String?) -> [ValidationMessage] {
        var name: String { RuleText.node(node) }   // built only for a message (asked of every reviewed row)
        let hasReason = !RuleText.isBlank(deductionReason)
        var out: [ValidationMessage] = []
        if needsDeductionReason(node: node, score: score) && !hasReason {
            let what = node.kind == .adjust ? "为扣分" : "低于满分\(node.maxScore)"
            out.append(ValidationMessage(code: "R-003", level: .error, message: "指标\(name)复核分\(score)\(what)，须填写扣分原因",
                                         nodeID: node.id, field: "deduction_reason"))
        } else if let selfScore, selfScore != score, !hasReason, RuleText.isBlank(reviewNote) {
            out.append(ValidationMessage(code: "R-004", level: .error,
                                         message: "指标\(name)复核分\(score)与自评分\(selfScore)不一致，须说明理由（扣分原因或复核备注）",
                                         nodeID: node.id, field: "review_note"))
        }
        return out
    }

    /// R-003's condition: below the maximum (ADJUST: below zero).
    public static func needsDeductionReason(node: IndicatorNode, score: Score) -> Bool {
        score < (node.kind == .adjust ? Score.zero : node.maxScore)
    }

    /// Whether saving `score` with no deduction reason would leave open (the
    /// review note, if any, counts for R-004).
    public static func needsWords(node: IndicatorNode, score: Score, selfScore: Score?, reviewNote: String?) -> Bool {
        !problems(node: node, score: score, selfScore: selfScore, deductionReason: nil, reviewNote: reviewNote).isEmpty
    }
}
