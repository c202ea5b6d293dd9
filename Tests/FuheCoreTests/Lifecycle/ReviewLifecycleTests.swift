import Foundation
import Testing
@testable import FuheCore

@Suite struct ReviewLifecycleTests {
    typealias F = LifecycleFixtures
    let at = LifecycleFixtures.noon

    private func review(_ status: ReviewStatus) -> Review { Review(id: "RV-1", status: status) }

    @Test func cleanDraftSubmits() throws {
        let next = try ReviewLifecycle.submit(review(.draft), dossier: F.dossier(), by: F.member, at: at)
        #expect(next.status == .submitted)
        #expect(next.submittedAt == at)
        #expect(ReviewLifecycle.submitBlockers(dossier: F.dossier()).isEmpty)
    }

    @Test func unreviewedOrUnscoredLeavesAreR006() {
        let dossier = F.dossier(rows: [F.row("N11", selfScore: "10", reviewScore: nil, status: .queried),
                                       F.row("N2", selfScore: "80", reviewScore: "80", status: .unreviewed)])
        let blockers = ReviewLifecycle.submitBlockers(dossier: dossier)
        // One blocker per row: N11 is neither reviewed nor scored (one message saying both), N2
        // is scored but not marked reviewed.
        #expect(blockers.map(\.code) == ["R-006", "R-006"])
        #expect(blockers.map(\.nodeID) == ["N11", "N2"])
        #expect(blockers[0].message.contains("1.1 预算编制"))
        #expect(blockers[0].message.contains("尚未复核（状态：待单位补充）") && blockers[0].message.contains("未填写复核分"))
        #expect(blockers[1].message.contains("尚未复核（状态：未复核）") && !blockers[1].message.contains("未填写复核分"))
    }

    @Test func reviewedWithoutScoreIsOneR006() {
        let dossier = F.dossier(rows: [F.row("N11", selfScore: "10", reviewScore: nil, status: .reviewed)])
        let blockers = ReviewLifecycle.submitBlockers(dossier: dossier)
        #expect(blockers.map(\.code) == ["R-006"])
        #expect(blockers.map(\.field) == ["review_score"])
        #expect(blockers[0].message.contains("未填写复核分") && !blockers[0].message.contains("尚未复核"))
    }

    @Test func missingRowIsR006() {
        var dossier = F.dossier()
        dossier.results["N12"] = nil
        #expect(ReviewLifecycle.submitBlockers(dossier: dossier).map(\.nodeID) == ["N12"])
    }

    @Test func deductionWithoutReasonIsR003() {
        let dossier = F.dossier(rows: [F.row("N11", selfScore: "8", reviewScore: "8")])
        let blockers = ReviewLifecycle.submitBlockers(dossier: dossier)
        #expect(blockers.map(\.code) == ["R-003"])
        #expect(blockers[0].message.contains("8.00") && blockers[0].message.contains("10.00"))
        let withReason = F.dossier(rows: [F.row("N11", selfScore: "8", reviewScore: "8", reason: "未编制项目明细")])
        #expect(ReviewLifecycle.submitBlockers(dossier: withReason).isEmpty)
    }

    @Test func differenceFromSelfScoreWithoutExplanationIsR004() {
        let adjust = F.dossier(rows: [F.row("N9", selfScore: "3", reviewScore: "0")])
        #expect(ReviewLifecycle.submitBlockers(dossier: adjust).map(\.code) == ["R-004"])
        let noted = F.dossier(rows: [F.row("N9", selfScore: "3", reviewScore: "0", note: "加分依据不足")])
        #expect(ReviewLifecycle.submitBlockers(dossier: noted).isEmpty)
        let both = F.dossier(rows: [F.row("N12", selfScore: "10", reviewScore: "6", note: "执行率偏低")])
        #expect(ReviewLifecycle.submitBlockers(dossier: both).map(\.code) == ["R-003"])
    }

    @Test func adjustPenaltyNeedsReason() {
        let dossier = F.dossier(rows: [F.row("N9", selfScore: "-2", reviewScore: "-2")])
        #expect(ReviewLifecycle.submitBlockers(dossier: dossier).map(\.code) == ["R-003"])
    }

    @Test func submitCollectsAllViolations() {
        let dossier = F.dossier(rows: [F.row("N11", selfScore: "10", reviewScore: "7"),
                                       F.row("N2", selfScore: nil, reviewScore: nil, status: .unreviewed)])
        let error = #expect(throws: RuleViolation.self) {
            try ReviewLifecycle.submit(review(.draft), dossier: dossier, by: F.member, at: at)
        }
        // N11 (7 < 10, the maximum) needs its deduction reason, which also explains the
        // difference to the self score: R-004 is not asked twice for one row.
        #expect(F.codes(error) == ["R-003", "R-006"])
        #expect(error?.messages.map(\.nodeID) == ["N11", "N2"])
    }

    @Test(arguments: [ReviewStatus.submitted, .finalized])
    func submitOnlyFromDraft(status: ReviewStatus) {
        let error = #expect(throws: RuleViolation.self) {
            try ReviewLifecycle.submit(review(status), dossier: F.dossier(), by: F.member, at: at)
        }
        #expect(F.codes(error) == ["RV-001"])
        #expect(error?.messages[0].message.contains(status.label) == true)
    }

    @Test func leaderReturnsWithReason() throws {
        var submitted = review(.submitted)
        submitted.submittedAt = at
        let next = try ReviewLifecycle.returnToDraft(submitted, by: F.leader, reason: "扣分依据不充分", at: at)
        #expect(next.status == .draft && next.submittedAt == nil)
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try ReviewLifecycle.returnToDraft(submitted, by: F.member, reason: "扣分依据不充分", at: at)
        }) == ["RV-001"])
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try ReviewLifecycle.returnToDraft(submitted, by: F.leader, reason: " ", at: at)
        }) == ["RV-001"])
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try ReviewLifecycle.returnToDraft(review(.draft), by: F.leader, reason: "扣分依据不充分", at: at)
        }) == ["RV-001"])
    }

    @Test func leaderFinalizesAndFreezes() throws {
        let next = try ReviewLifecycle.finalize(review(.submitted), by: F.leader, total: F.score("95"), grade: "优", at: at)
        #expect(next.status == .finalized && next.finalizedAt == at)
        #expect(next.frozenTotal == F.score("95") && next.frozenGrade == "优")
        #expect(ReviewLifecycle.isReadOnly(next))
        let notLeader = #expect(throws: RuleViolation.self) {
            try ReviewLifecycle.finalize(review(.submitted), by: F.member, total: F.score("95"), grade: "优", at: at)
        }
        #expect(F.codes(notLeader) == ["RV-001"])
        #expect(notLeader?.messages[0].message.contains("王某") == true)
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try ReviewLifecycle.finalize(review(.draft), by: F.leader, total: F.score("95"), grade: "优", at: at)
        }) == ["RV-001"])
    }

    @Test func leaderReopensKeepingFrozenValues() throws {
        let final = try ReviewLifecycle.finalize(review(.submitted), by: F.leader, total: F.score("95"), grade: "优", at: at)
        let reopened = try ReviewLifecycle.reopen(final, by: F.leader, reason: "发现新问题", at: at)
        #expect(reopened.status == .draft)
        #expect(reopened.frozenTotal == F.score("95") && reopened.frozenGrade == "优")
        #expect(!ReviewLifecycle.isReadOnly(reopened))
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try ReviewLifecycle.reopen(final, by: F.leader, reason: "", at: at)
        }) == ["RV-001"])
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try ReviewLifecycle.reopen(final, by: Actor(name: "赵副组长", role: .deputy), reason: "发现新问题", at: at)
        }) == ["RV-001"])
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try ReviewLifecycle.reopen(review(.submitted), by: F.leader, reason: "发现新问题", at: at)
        }) == ["RV-001"])
    }

    @Test func readOnlyOnlyWhenFinalized() {
        #expect(!ReviewLifecycle.isReadOnly(nil))
        #expect(!ReviewLifecycle.isReadOnly(review(.draft)))
        #expect(!ReviewLifecycle.isReadOnly(review(.submitted)))
        #expect(ReviewLifecycle.isReadOnly(review(.finalized)))
    }
}
