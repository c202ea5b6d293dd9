import Foundation

/// The review lifecycle (spec §2.4.2): DRAFT → SUBMITTED → FINALIZED, with the leader's
/// return (SUBMITTED → DRAFT) and reopen (FINALIZED → DRAFT). Illegal moves, a missing reason or a
/// non-leader actor throw `RV-001`; a submit blocked by the scoresheet throws its
/// messages (see `submitBlockers`).
public enum ReviewLifecycle {
    /// DRAFT → SUBMITTED when nothing blocks it; sets `submittedAt`.
    public static func submit(_ review: Review, dossier: Dossier, by actor: Actor, at: Date) throws(RuleViolation) -> Review {
        try require(review, is: .draft, to: .submitted)
        let blockers = submitBlockers(dossier: dossier)
        if !blockers.isEmpty { throw RuleViolation(blockers) }
        var next = review
        next.status = .submitted
        next.submittedAt = at
        return next
    }

    /// SUBMITTED → DRAFT, by the leader with a reason (the caller journals it with `at`).
    public static func returnToDraft(_ review: Review, by actor: Actor, reason: String, at: Date) throws(RuleViolation) -> Review {
        try require(review, is: .submitted, to: .draft)
        try requireLeader(actor, review, "退回")
        try requireReason(reason, review, "退回")
        var next = review
        next.status = .draft
        next.submittedAt = nil
        return next
    }

    /// SUBMITTED → FINALIZED, by the leader; freezes the total and grade.
    public static func finalize(_ review: Review, by actor: Actor, total: Score, grade: String, at: Date) throws(RuleViolation) -> Review {
        try require(review, is: .submitted, to: .finalized)
        try requireLeader(actor, review, "定稿")
        guard let grade = RuleText.trimmed(grade) else {
            throw RuleViolation(code: "RV-001", "复核「\(review.id)」定稿须确定评价等次（总分\(total)）", field: "review_grade")
        }
        var next = review
        next.status = .finalized
        next.finalizedAt = at
        next.frozenTotal = total
        next.frozenGrade = grade
        return next
    }

    /// FINALIZED → DRAFT, by the leader with a reason. The frozen total, grade and `finalizedAt`
    /// are kept so the previous result stays visible until the review is finalized again.
    public static func reopen(_ review: Review, by actor: Actor, reason: String, at: Date) throws(RuleViolation) -> Review {
        try require(review, is: .finalized, to: .draft)
        try requireLeader(actor, review, "重新打开")
        try requireReason(reason, review, "重新打开")
        var next = review
        next.status = .draft
        return next
    }

    /// True for a finalized review: its scoresheet may not be edited.
    public static func isReadOnly(_ review: Review?) -> Bool { review?.status == .finalized }

    private static func require(_ review: Review, is expected: ReviewStatus, to target: ReviewStatus) throws(RuleViolation) {
        guard review.status == expected else {
            throw RuleViolation(code: "RV-001", "复核「\(review.id)」当前为「\(review.status.label)」，"
                + "不能转为「\(target.label)」（须为「\(expected.label)」）", field: "status")
        }
    }

    private static func requireLeader(_ actor: Actor, _ review: Review, _ verb: String) throws(RuleViolation) {
        guard actor.isLeader else {
            let role = actor.role?.label ?? "非复核组成员"
            throw RuleViolation(code: "RV-001", "只有组长可以\(verb)复核「\(review.id)」，\(actor.name)（\(role)）无权操作",
                                field: "status")
        }
    }

    private static func requireReason(_ reason: String, _ review: Review, _ verb: String) throws(RuleViolation) {
        guard !RuleText.isBlank(reason) else {
            throw RuleViolation(code: "RV-001", "\(verb)复核「\(review.id)」（\(review.status.label)）须填写原因",
                                field: "reason")
        }
    }
}
