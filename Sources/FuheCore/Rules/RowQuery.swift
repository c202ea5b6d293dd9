import Foundation

/// 待单位补充: a scoresheet row put on hold while the unit supplies material or answers a question
/// (status QUERIED with the question, who asked and when), and cleared again. R-008: the question
/// must say what is needed.
///
/// ```swift
/// let held = try RowQuery.mark(row, question: "请补充在编人员花名册", by: "王某", at: now)
/// let back = RowQuery.clear(held)   // REVIEWED again if it had been scored, else UNREVIEWED
/// ```
public enum RowQuery {
    /// The row as queried with `question`; a blank question is refused.
    public static func mark(_ row: IndicatorResult, node: IndicatorNode, question: String, by actor: String,
                            at time: Date) throws(RuleViolation) -> IndicatorResult {
        guard let text = RuleText.trimmed(question) else {
            throw RuleViolation(code: "R-008", "指标\(RuleText.node(node))标为待单位补充，须写明需要单位补充的材料或问题",
                                nodeID: node.id, field: "question")
        }
        var r = row
        r.status = .queried
        r.question = text
        r.queriedBy = actor
        r.queriedAt = time
        return r
    }

    /// The row no longer waiting for the unit: REVIEWED when it carries a review score given by
    /// someone, otherwise UNREVIEWED. The question stays as a record of what was asked.
    public static func clear(_ row: IndicatorResult) -> IndicatorResult {
        var r = row
        guard r.status == .queried else { return r }
        r.status = r.reviewScore != nil && r.reviewedBy != nil ? .reviewed : .unreviewed
        return r
    }
}
