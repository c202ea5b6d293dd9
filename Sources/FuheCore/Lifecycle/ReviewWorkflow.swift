/// The things a person does to a review, for "may this actor do it now?" questions.
public enum ReviewAction: String, CaseIterable, Sendable {
    /// Any edit of the scoresheet: scores, reasons, notes, verified actuals, row evidence links.
    case editScoresheet
    /// DRAFT → SUBMITTED.
    case submit
    /// SUBMITTED → FINALIZED (组长).
    case finalize
    /// SUBMITTED → DRAFT (组长, with a reason).
    case returnToDraft
    /// FINALIZED → DRAFT (组长, with a reason).
    case reopen

    /// 编辑评分表, 提交复核, 定稿, 退回修改, 重新打开.
    public var label: String {
        switch self {
        case .editScoresheet: "编辑评分表"
        case .submit: "提交复核"
        case .finalize: "定稿"
        case .returnToDraft: "退回修改"
        case .reopen: "重新打开"
        }
    }
}

/// Who may do what to a review, and when (spec §2.4.2 plus the read-only rule): the workstation
/// asks before it opens a form or offers a hint, and the store asks again before it writes — the
/// same answers, from here.
///
/// - A finalized review is read-only for everyone until the 组长 reopens it.
/// - A submitted review is read-only for members (组员, 副组长) until the 组长 returns it; the 组长
///   may still correct it before finalizing.
/// - Submit needs every blocker cleared (`submitBlockers`); return and reopen are the 组长's and
///   need a reason; finalize is the 组长's and needs a complete review total.
/// - Undo never crosses a lifecycle step: a submit, finalize, return or reopen is not undone
///   with `u` (the 组长 returns or reopens, with a reason).
extension ReviewLifecycle {
    /// Why `actor` may not do `action` to `dossier` now; nil when it is allowed. For `.submit`
    /// and `.finalize` this is the first of ``blockers(for:dossier:by:scored:)``.
    public static func refusal(_ action: ReviewAction, dossier: Dossier, by actor: Actor, scored: ScoredDossier? = nil) -> ValidationMessage? {
        blockers(for: action, dossier: dossier, by: actor, scored: scored).first
    }

    /// Every reason `action` cannot be done now, each with its code: the lifecycle and role
    /// first (RV-001, RV-002), then — for a submit — every row that blocks it (R-003, R-004,
    /// R-006), for a finalize an incomplete total. Empty when the action is allowed.
    public static func blockers(for action: ReviewAction, dossier: Dossier, by actor: Actor, scored: ScoredDossier? = nil) -> [ValidationMessage] {
        let status = dossier.review?.status
        let id = dossier.review?.id ?? "RV-\(dossier.id)"
        func refuse(_ code: String, _ text: String, _ field: String = "status") -> [ValidationMessage] {
            [ValidationMessage(code: code, level: .error, message: text, field: field)]
        }
        switch action {
        case .editScoresheet:
            if let reason = readOnlyReason(dossier.review, for: actor) { return refuse("RV-002", reason) }
            return []
        case .submit:
            guard status == nil || status == .draft else {
                return refuse("RV-001", "复核「\(id)」当前为「\(status?.label ?? "")」，不能提交（须为「\(ReviewStatus.draft.label)」）")
            }
            return submitBlockers(dossier: dossier)
        case .finalize:
            guard status == .submitted else {
                return refuse("RV-001", "复核「\(id)」当前为「\(status?.label ?? "未开始")」，不能定稿（须为「\(ReviewStatus.submitted.label)」）")
            }
            if let role = leaderRefusal(actor, "定稿", id) { return refuse("RV-001", role) }
            let total = (scored ?? DossierScorer.score(dossier, scheme: .mof4)).total(.review)
            if !total.complete { return refuse("RV-001", "复核总分尚不完整，不能定稿", "review_total") }
            return []
        case .returnToDraft:
            guard status == .submitted else {
                return refuse("RV-001", "复核「\(id)」当前为「\(status?.label ?? "未开始")」，不能退回（须为「\(ReviewStatus.submitted.label)」）")
            }
            if let role = leaderRefusal(actor, "退回", id) { return refuse("RV-001", role) }
            return []
        case .reopen:
            guard status == .finalized else {
                return refuse("RV-001", "复核「\(id)」当前为「\(status?.label ?? "未开始")」，不能重新打开（须为「\(ReviewStatus.finalized.label)」）")
            }
            if let role = leaderRefusal(actor, "重新打开", id) { return refuse("RV-001", role) }
            return []
        }
    }

    /// The actions `actor` can do to `dossier` now (for key hints that offer only what works).
    public static func possibleActions(dossier: Dossier, by actor: Actor, scored: ScoredDossier? = nil) -> [ReviewAction] {
        ReviewAction.allCases.filter { refusal($0, dossier: dossier, by: actor, scored: scored) == nil }
    }

    /// Whether `actor` may not edit the scoresheet of `review` (finalized: nobody; submitted:
    /// everyone but the 组长).
    public static func isReadOnly(_ review: Review?, for actor: Actor) -> Bool {
        readOnlyReason(review, for: actor) != nil
    }

    /// Why the scoresheet is read-only for `actor`, nil when it is not.
    public static func readOnlyReason(_ review: Review?, for actor: Actor) -> String? {
        switch review?.status {
        case .finalized?:
            return "复核已定稿，只读；组长可重新打开（需理由）"
        case .submitted? where !actor.isLeader:
            return "复核已提交，待组长定稿：组员只读，须由组长退回后再修改"
        default:
            return nil
        }
    }

    private static func leaderRefusal(_ actor: Actor, _ verb: String, _ id: String) -> String? {
        guard !actor.isLeader else { return nil }
        let role = actor.role?.label ?? "非复核组成员"
        return "只有组长可以\(verb)复核「\(id)」，\(actor.name)（\(role)）无权操作"
    }

    /// The write guard: refuses `changes` that `actor` may not make to `dossier` (as stored) —
    /// an edit of a read-only scoresheet, or a review status move that is not a lifecycle step
    /// this actor may take (a return or reopen needs `reason`). With `isUndo`, any status move
    /// but starting or dropping a draft is refused: undo never crosses a lifecycle step.
    public static func checkWrite(_ changes: [StoreChange], to dossier: Dossier, by actor: Actor,
                                  reason: String?, isUndo: Bool = false) throws(RuleViolation) {
        let before = dossier.review?.status
        var after = before
        var reviewAfter = dossier.review
        var editsScoresheet = false
        for change in changes {
            switch change {
            case .result(let r) where r != dossier.result(for: r.nodeID):
                editsScoresheet = true
            case .review(let r):
                after = r?.status
                reviewAfter = r
                if let r, let old = dossier.review, Self.headerEdited(old, r) { editsScoresheet = true }
            default: break
            }
        }
        if editsScoresheet, let why = readOnlyReason(dossier.review, for: actor) {
            throw RuleViolation(code: "RV-002", why, field: "status")
        }
        guard before != after else { return }
        let id = reviewAfter?.id ?? dossier.review?.id ?? "RV-\(dossier.id)"
        let move = "复核「\(id)」「\(before?.label ?? "未开始")」→「\(after?.label ?? "未开始")」"
        switch (before, after) {
        case (nil, .draft?), (.draft?, nil):
            return
        case _ where isUndo:
            throw RuleViolation(code: "RV-003", "\(move)是复核流程的一步，不能撤销"
                + (actor.isLeader ? "：请用退回（B）或重新打开（R），并写明理由" : "：须由组长退回或重新打开"), field: "status")
        case (nil, .submitted?), (.draft?, .submitted?):
            let blockers = submitBlockers(dossier: dossier.applying(changes))
            if !blockers.isEmpty { throw RuleViolation(blockers) }
        case (.submitted?, .finalized?):
            if let role = leaderRefusal(actor, "定稿", id) { throw RuleViolation(code: "RV-001", role, field: "status") }
        case (.submitted?, .draft?), (.finalized?, .draft?):
            let verb = before == .submitted ? "退回" : "重新打开"
            if let role = leaderRefusal(actor, verb, id) { throw RuleViolation(code: "RV-001", role, field: "status") }
            if RuleText.isBlank(reason) { throw RuleViolation(code: "RV-001", "\(move)：\(verb)须填写原因", field: "reason") }
        default:
            throw RuleViolation(code: "RV-001", "\(move)不是复核流程允许的一步", field: "status")
        }
    }

    /// Whether a review header change touches more than its lifecycle fields (the conclusion,
    /// the team, the mode): those are edits of the review's content.
    static func headerEdited(_ old: Review, _ new: Review) -> Bool {
        var a = old, b = new
        a.status = .draft; b.status = .draft
        a.submittedAt = nil; b.submittedAt = nil
        a.finalizedAt = nil; b.finalizedAt = nil
        a.frozenTotal = nil; b.frozenTotal = nil
        a.frozenGrade = nil; b.frozenGrade = nil
        return a != b
    }
}
