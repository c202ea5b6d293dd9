import Foundation
import Testing
@testable import FuheCore

/// The rules that used to live twice or not at all: in one place, the write guard
/// (read-only reviews, undo across lifecycle steps), "may this actor do it now", the summary,
/// the derived self-evaluation status, K-003 and the stored-dossier rules.
@Suite struct WorkflowRulesTests {
    typealias F = LifecycleFixtures
    static let deputy = Actor(name: "赵某", role: .deputy)

    private func dossier(_ status: ReviewStatus?, rows: [IndicatorResult] = []) -> Dossier {
        var d = F.dossier(rows: rows)
        d.review = status.map { Review(id: "RV-1", status: $0, frozenTotal: $0 == .finalized ? F.score("100") : nil, frozenGrade: $0 == .finalized ? "优" : nil) }
        d.evaluation.status = EvaluationLifecycle.derivedStatus(current: .selected, review: d.review, items: d.items)
        return d
    }

    private func node(_ id: String) -> IndicatorNode { F.template().node(id: id)! }

    // MARK

    @Test func aRaisedScoreIsExplainedByANoteNotADeduction() {
        // The reviewer gives 10 where the unit claimed 8: no deduction, so no deduction reason;
        // the difference is explained — by a note or a reason, either works.
        let n = node("N11")
        #expect(ReasonRules.problems(node: n, score: F.score("10"), selfScore: F.score("8"), deductionReason: nil, reviewNote: nil).map(\.code) == ["R-004"])
        #expect(ReasonRules.problems(node: n, score: F.score("10"), selfScore: F.score("8"), deductionReason: nil, reviewNote: "佐证齐全，应得满分").isEmpty)
        #expect(ReasonRules.problems(node: n, score: F.score("10"), selfScore: F.score("8"), deductionReason: "按佐证", reviewNote: nil).isEmpty)
        // Below the maximum only a deduction reason will do, a note is not one.
        #expect(ReasonRules.problems(node: n, score: F.score("7"), selfScore: F.score("10"), deductionReason: nil, reviewNote: "备注").map(\.code) == ["R-003"])
        #expect(ReasonRules.problems(node: n, score: F.score("7"), selfScore: F.score("10"), deductionReason: "超编", reviewNote: nil).isEmpty)
        // ADJUST: a penalty (below zero) needs its reason; a bonus that differs, an explanation.
        let adjust = node("N9")
        #expect(ReasonRules.problems(node: adjust, score: F.score("-1"), selfScore: nil, deductionReason: nil, reviewNote: nil).map(\.code) == ["R-003"])
        #expect(ReasonRules.problems(node: adjust, score: F.score("1"), selfScore: F.score("3"), deductionReason: nil, reviewNote: nil).map(\.code) == ["R-004"])
        #expect(ReasonRules.needsWords(node: n, score: F.score("10"), selfScore: F.score("8"), reviewNote: "已说明") == false)
        // Submit asks the same rule.
        let d = F.dossier(rows: [F.row("N11", selfScore: "8", reviewScore: "10", note: "佐证齐全")])
        #expect(ReviewLifecycle.submitBlockers(dossier: d).isEmpty)
    }

    // MARK: The write guard

    @Test func aSubmittedReviewIsReadOnlyForMembersUntilReturned() {
        let submitted = dossier(.submitted)
        let edit: [StoreChange] = [.result(F.row("N11", selfScore: "10", reviewScore: "9", reason: "扣1分"))]
        for actor in [F.member, Self.deputy] {
            let error = #expect(throws: RuleViolation.self) { try ReviewLifecycle.checkWrite(edit, to: submitted, by: actor, reason: nil) }
            #expect(F.codes(error) == ["RV-002"])
            #expect(ReviewLifecycle.isReadOnly(submitted.review, for: actor))
            #expect(ReviewLifecycle.refusal(.editScoresheet, dossier: submitted, by: actor)?.code == "RV-002")
        }
        #expect(throws: Never.self) { try ReviewLifecycle.checkWrite(edit, to: submitted, by: F.leader, reason: nil) }
        #expect(!ReviewLifecycle.isReadOnly(submitted.review, for: F.leader))
        // Finalized: nobody.
        #expect(throws: RuleViolation.self) { try ReviewLifecycle.checkWrite(edit, to: dossier(.finalized), by: F.leader, reason: nil) }
        // A draft: everyone; and a change to nothing is no edit.
        #expect(throws: Never.self) { try ReviewLifecycle.checkWrite(edit, to: dossier(.draft), by: F.member, reason: nil) }
        #expect(throws: Never.self) { try ReviewLifecycle.checkWrite([.result(submitted.result(for: "N11"))], to: submitted, by: F.member, reason: nil) }
    }

    @Test func statusMovesFollowTheLifecycleAndRoles() {
        func move(_ from: ReviewStatus?, _ to: ReviewStatus?, _ actor: Actor, reason: String? = nil, undo: Bool = false) -> [String] {
            let d = dossier(from)
            var next = d.review ?? Review(id: "RV-1")
            if let to { next.status = to }
            let change: StoreChange = .review(to == nil ? nil : next)
            do { try ReviewLifecycle.checkWrite([change], to: d, by: actor, reason: reason, isUndo: undo); return [] } catch {
                return F.codes(error)
            }
        }
        #expect(move(.draft, .submitted, F.member) == [])
        #expect(move(.submitted, .draft, F.member, reason: "退回") == ["RV-001"])
        #expect(move(.submitted, .draft, F.leader) == ["RV-001"])              // no reason
        #expect(move(.submitted, .draft, F.leader, reason: "补充佐证") == [])
        #expect(move(.submitted, .finalized, F.member) == ["RV-001"])
        #expect(move(.submitted, .finalized, F.leader) == [])
        #expect(move(.finalized, .draft, F.leader, reason: "发现新情况") == [])
        #expect(move(.finalized, .submitted, F.leader) == ["RV-001"])
        // Undo never crosses a step, whoever asks; starting or dropping a draft is no step.
        #expect(move(.submitted, .draft, F.member, undo: true) == ["RV-003"])
        #expect(move(.submitted, .draft, F.leader, reason: "撤销 #5", undo: true) == ["RV-003"])
        #expect(move(.finalized, .submitted, F.leader, undo: true) == ["RV-003"])
        #expect(move(.draft, nil, F.member, undo: true) == [])
        // A submit is checked against the rows as they will be.
        let blocked = F.dossier(rows: [F.row("N11", selfScore: "10", reviewScore: "7")])
        var submitted = blocked.review!
        submitted.status = .submitted
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try ReviewLifecycle.checkWrite([.review(submitted)], to: blocked, by: F.member, reason: nil)
        }) == ["R-003"])
        #expect(throws: Never.self) {
            try ReviewLifecycle.checkWrite([.result(F.row("N11", selfScore: "10", reviewScore: "7", reason: "超支")), .review(submitted)],
                                           to: blocked, by: F.member, reason: nil)
        }
    }

    // MARK: May this actor do it now?

    @Test func refusalsBeforeAFormOpens() {
        let draft = dossier(.draft)
        #expect(ReviewLifecycle.possibleActions(dossier: draft, by: F.member) == [.editScoresheet, .submit])
        #expect(ReviewLifecycle.possibleActions(dossier: dossier(.submitted), by: F.member) == [])
        #expect(ReviewLifecycle.possibleActions(dossier: dossier(.submitted), by: F.leader) == [.editScoresheet, .finalize, .returnToDraft])
        #expect(ReviewLifecycle.possibleActions(dossier: dossier(.finalized), by: F.leader) == [.reopen])
        #expect(ReviewLifecycle.refusal(.returnToDraft, dossier: dossier(.submitted), by: F.member)?.message.contains("只有组长") == true)
        // Every submit blocker, with its code.
        let blocked = F.dossier(rows: [F.row("N11", selfScore: "10", reviewScore: "7"),
                                       F.row("N2", selfScore: nil, reviewScore: nil, status: .unreviewed)])
        // N2 is neither reviewed nor scored: one R-006 for the row, not two.
        #expect(ReviewLifecycle.blockers(for: .submit, dossier: blocked, by: F.member).map(\.code) == ["R-003", "R-006"])
        #expect(ReviewLifecycle.blockers(for: .submit, dossier: dossier(.finalized), by: F.leader).map(\.code) == ["RV-001"])
        // Items: the status, and separation of duties for 销号.
        let submittedItem = F.item(status: .submitted, completion: "已整改", evidence: ["E-1"])
        #expect(RectLifecycle.refusal(.close, item: submittedItem, by: F.responsible)?.code == "K-003")
        #expect(RectLifecycle.refusal(.close, item: submittedItem, by: F.member) == nil)
        #expect(RectLifecycle.refusal(.addProgress, item: submittedItem, by: F.member)?.code == "K-005")
        #expect(RectLifecycle.possibleActions(item: F.item(status: .closed), by: F.member) == [.reopen])
    }

    /// `allows` (the status line's yes/no, no message made) answers as `refusal` does: every
    /// action, from every status, by the item's responsible person, another member, and an
    /// actor without a name on an item without a responsible person (no closer recorded).
    @Test func allowsAnswersAsRefusal() {
        var unnamed = F.item(status: .submitted, completion: "已整改", evidence: ["E-1"])
        unnamed.respPerson = " "
        let nobody = Actor(name: "")
        var cases: [(RectificationItem, Actor)] = [(unnamed, nobody)]
        for status in RectStatus.allCases {
            let item = F.item(status: status, completion: "已整改", evidence: ["E-1"])
            cases += [(item, F.responsible), (item, F.member)]
        }
        var refused = 0
        for (item, actor) in cases {
            for kind in RectActionKind.allCases {
                let refusal = RectLifecycle.refusal(kind, item: item, by: actor)
                #expect(RectLifecycle.allows(kind, item: item, by: actor) == (refusal == nil), "\(kind) \(item.status) \(actor.name)")
                if refusal != nil { refused += 1 }
            }
        }
        // Both answers occur, K-003 among the refusals.
        #expect(refused > 0 && refused < cases.count * RectActionKind.allCases.count)
        #expect(!RectLifecycle.allows(.close, item: unnamed, by: nobody))
    }

    @Test func theSummaryStatesTotalGradeChangeAndWarnings() {
        var d = F.dossier(rows: [F.row("N2", selfScore: "80", reviewScore: "60", reason: "产出不足")])
        d.evaluation.statedTotals = [F.score("100")]
        let scored = DossierScorer.score(d, scheme: .mof4)
        let summary = ReviewSummary(dossier: d, scored: scored, action: .submit, by: F.member)
        #expect(summary.isAllowed)
        #expect(summary.reviewTotal.text == "80.00")
        #expect(summary.gradeChanged)
        #expect(summary.lines[0] == "提交复核：复核总分 80.00（等次 良），已复核 4/4 行")
        #expect(summary.lines[1].contains("差异 +20.00") && summary.lines[1].contains("等次由优变为良"))
        #expect(summary.lines[2].hasPrefix("仍有") && summary.lines[2].contains("GRADE_CHANGED"))
        let finalize = ReviewSummary(dossier: d, scored: scored, action: .finalize, by: F.member)
        #expect(!finalize.isAllowed && finalize.lines.last?.hasPrefix("不能定稿") == true)
    }

    @Test func incompleteTotalsLookTheSameEverywhere() {
        #expect(Rollup(value: F.score("88"), complete: false).text == "~88.00")
        #expect(Rollup(value: F.score("88"), complete: true).text == "88.00")
        #expect(Rollup.empty.text == "—")
        #expect(Rollup.text(value: F.score("7.5"), complete: false) == "~7.50")
    }

    // MARK: Derived status, K-003

    @Test func theSelfEvaluationStatusIsDerivedFromTheChanges() {
        var d = dossier(nil)
        d.evaluation.status = .selected
        var draft = Review(id: "RV-1")
        let started = EvaluationLifecycle.completing([.review(draft)], for: d)
        #expect(started.count == 2)
        guard case .evaluation(let e) = started.last else { Issue.record("no status change"); return }
        #expect(e.status == .inReview)
        draft.status = .finalized
        var reviewed = d
        reviewed.review = draft
        reviewed.evaluation.status = .inReview
        reviewed.findings = [Finding(id: "F-1", seq: 1, category: .other, description: "问题", origin: .review)]
        let withItem = EvaluationLifecycle.completing([.item(F.item())], for: reviewed)
        guard case .evaluation(let e2) = withItem.last else { Issue.record("no status change"); return }
        #expect(e2.status == .rectifying)
        // Nothing implied: nothing added.
        #expect(EvaluationLifecycle.completing([.result(F.row("N11", selfScore: "10", reviewScore: "10"))], for: dossier(.draft)).count == 1)
    }

    @Test func k003IsStatedOnceAndTheLifecycleAsksIt() {
        let item = F.item(status: .inProgress)
        let refused = #expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(.submit(completionDesc: "", evidenceIDs: [], on: F.day("2021-06-20")), to: item, by: F.member, on: F.day("2021-06-20"))
        }
        var submitted = item
        submitted.status = .submitted
        let stored = ItemRules.completionProblems(submitted)
        #expect(F.codes(refused) == stored.map(\.code))
        #expect(refused?.messages.map(\.field) == stored.map(\.field))
        #expect(zip(refused?.messages ?? [], stored).allSatisfy { $0.message.hasSuffix($1.message) })
    }

    // MARK: Stored dossiers

    @Test func storedRulesFindEveryKindOfBreak() {
        var d = dossier(.finalized)
        d.results["N11"] = F.row("N11", selfScore: "10", reviewScore: "12")
        d.results["GHOST"] = IndicatorResult(nodeID: "GHOST")                                 // I-001
        d.results["N12"]?.evidenceIDs = ["EV-404"]                                            // I-003
        d.findings = [Finding(id: "F-1", seq: 1, category: .other, description: "a", origin: .review),
                      Finding(id: "F-2", seq: 1, category: .other, description: "b", origin: .review)]  // I-004
        var orphan = F.item(status: .inProgress, deadline: "2021-06-30", nextCheckOn: "2021-09-30")
        orphan.findingID = "F-9"                                                              // I-002, K-004
        d.items = [orphan]
        d.evaluation.status = .closed                                                         // I-005
        d.review?.frozenTotal = F.score("99")                                                 // I-006
        let codes = Set(StoredRules.violations(d, scored: DossierScorer.score(d, scheme: .mof4)).map(\.code))
        #expect(codes == ["R-001", "R-004", "I-001", "I-002", "I-003", "I-004", "I-005", "I-006", "K-004"])
        let clean = dossier(.finalized)
        #expect(StoredRules.violations(clean, scored: DossierScorer.score(clean, scheme: .mof4)).isEmpty)
    }
}
