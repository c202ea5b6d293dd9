import Testing
@testable import FuheCore

/// Forward transitions of §2.4.3: progress, submit, long-term, close.
@Suite struct RectForwardTests {
    typealias F = LifecycleFixtures
    let today = LifecycleFixtures.day("2021-06-20")

    @Test func firstProgressStartsWork() throws {
        let t = try RectLifecycle.transition(.addProgress(F.entry("2021-06-20")), of: F.item(), by: F.responsible, on: today)
        #expect(t.from == .pending && t.to == .inProgress && t.changesStatus)
        #expect(t.item.status == .inProgress)
        #expect(t.item.progress.count == 1)
        #expect(t.reason == nil)
    }

    @Test func laterProgressKeepsStatus() throws {
        let item = F.item(status: .inProgress, progress: [F.entry("2021-06-10")])
        let next = try RectLifecycle.apply(.addProgress(F.entry("2021-06-20")), to: item, by: F.responsible, on: today)
        #expect(next.status == .inProgress)
        #expect(next.progress.map(\.date) == [F.day("2021-06-10"), F.day("2021-06-20")])
    }

    @Test func blankProgressIsRefused() {
        let error = #expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(.addProgress(F.entry("2021-06-20", " ")), to: F.item(), by: F.responsible, on: today)
        }
        #expect(F.codes(error) == ["K-005"])
    }

    @Test(arguments: [RectStatus.pending, .inProgress, .longTerm])
    func submitFromOpenStatuses(from: RectStatus) throws {
        let item = F.item(status: from, evidence: ["E-1"], nextCheckOn: "2021-09-30")
        let action = RectAction.submit(completionDesc: " 已补办政府采购手续 ", evidenceIDs: ["E-1", "E-2"], on: F.day("2021-06-28"))
        let next = try RectLifecycle.apply(action, to: item, by: F.responsible, on: today)
        #expect(next.status == .submitted)
        #expect(next.submittedOn == F.day("2021-06-28"))
        #expect(next.completionDesc == "已补办政府采购手续")
        #expect(next.evidenceIDs == ["E-1", "E-2"])
    }

    @Test func submitWithoutDescriptionOrEvidenceIsK003() {
        let action = RectAction.submit(completionDesc: "", evidenceIDs: [], on: F.day("2021-06-28"))
        let error = #expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(action, to: F.item(status: .inProgress), by: F.responsible, on: today)
        }
        #expect(F.codes(error) == ["K-003", "K-003"])
        #expect(error?.messages.map(\.field) == ["completion_desc", "evidence_ids"])
        #expect(error?.messages[0].message.contains("整改中") == true)
        #expect(error?.messages[0].message.contains("待销号") == true)
    }

    @Test(arguments: [RectStatus.submitted, .closed, .withdrawn])
    func submitFromOtherStatusesIsK005(from: RectStatus) {
        let action = RectAction.submit(completionDesc: "已整改", evidenceIDs: ["E-1"], on: F.day("2021-06-28"))
        let error = #expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(action, to: F.item(status: from), by: F.responsible, on: today)
        }
        #expect(F.codes(error) == ["K-005"])
        #expect(error?.messages[0].message.contains(from.label) == true)
        #expect(error?.messages[0].message.contains("待销号") == true)
    }

    @Test func longTermTypeMayBecomeLongTerm() throws {
        let action = RectAction.markLongTerm(reason: "历史遗留问题", nextCheckOn: F.day("2021-09-30"), approvedByReviewer: false)
        let t = try RectLifecycle.transition(action, of: F.item(status: .inProgress, rectType: .longTerm, deadline: "2021-12-31"), by: F.member, on: today)
        #expect(t.item.status == .longTerm)
        #expect(t.item.nextCheckOn == F.day("2021-09-30"))
        #expect(t.item.longTermSince == today)
        #expect(t.reason == "历史遗留问题")
    }

    @Test func otherTypesNeedReviewerApproval() throws {
        let denied = RectAction.markLongTerm(reason: "涉及司法诉讼", nextCheckOn: F.day("2021-09-30"), approvedByReviewer: false)
        let error = #expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(denied, to: F.item(status: .inProgress), by: F.member, on: today)
        }
        #expect(F.codes(error) == ["K-005"])
        #expect(error?.messages[0].message.contains("限期整改") == true)
        let approved = RectAction.markLongTerm(reason: "涉及司法诉讼", nextCheckOn: F.day("2021-09-30"), approvedByReviewer: true)
        #expect(try RectLifecycle.apply(approved, to: F.item(status: .inProgress, deadline: "2021-12-31"), by: F.member, on: today).status == .longTerm)
    }

    @Test func longTermNeedsReasonAndFutureCheck() {
        let item = F.item(status: .inProgress, rectType: .longTerm)
        let noReason = RectAction.markLongTerm(reason: " ", nextCheckOn: F.day("2021-09-30"), approvedByReviewer: true)
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(noReason, to: item, by: F.member, on: today)
        }) == ["K-005"])
        let pastCheck = RectAction.markLongTerm(reason: "历史遗留", nextCheckOn: F.day("2021-06-19"), approvedByReviewer: true)
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(pastCheck, to: item, by: F.member, on: today)
        }) == ["K-004"])
    }

    @Test func pendingCannotGoLongTermButLongTermCanReschedule() throws {
        let action = RectAction.markLongTerm(reason: "历史遗留", nextCheckOn: F.day("2021-12-31"), approvedByReviewer: true)
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(action, to: F.item(), by: F.member, on: today)
        }) == ["K-005"])
        let item = F.item(status: .longTerm, deadline: "2021-12-31", nextCheckOn: "2021-06-15", longTermSince: "2021-03-01")
        let next = try RectLifecycle.apply(action, to: item, by: F.member, on: today)
        #expect(next.nextCheckOn == F.day("2021-12-31"))
        #expect(next.longTermSince == today)
        // A next check after the deadline is refused (K-004): extend the deadline first.
        let late = RectAction.markLongTerm(reason: "历史遗留", nextCheckOn: F.day("2022-01-15"), approvedByReviewer: true)
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(late, to: item, by: F.member, on: today)
        }) == ["K-004"])
    }

    @Test func closeRecordsTheCloser() throws {
        let item = F.item(status: .submitted, completion: "已整改", evidence: ["E-1"], submittedOn: "2021-06-28")
        let t = try RectLifecycle.transition(.close(note: "佐证充分"), of: item, by: F.member, on: F.day("2021-07-03"))
        #expect(t.item.status == .closed)
        #expect(t.item.closedBy == "王某")
        #expect(t.item.closedOn == F.day("2021-07-03"))
        #expect(t.item.closureNote == "佐证充分")
        #expect(t.summary == "2021-07-03 王某 销号整改事项「R-1」：待销号 → 已销号；销号意见：佐证充分")
        #expect(ItemRules.validate(t.item).isEmpty)
    }

    @Test func responsiblePersonCannotClose() {
        let item = F.item(status: .submitted, completion: "已整改", evidence: ["E-1"])
        let error = #expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(.close(note: ""), to: item, by: F.responsible, on: today)
        }
        #expect(F.codes(error) == ["K-003"])
        #expect(error?.messages[0].message.contains("张三") == true)
    }

    @Test func closeRechecksEvidence() {
        let error = #expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(.close(note: ""), to: F.item(status: .submitted, completion: "已整改"), by: F.member, on: today)
        }
        #expect(F.codes(error) == ["K-003"])
    }

    @Test(arguments: [RectStatus.pending, .inProgress, .longTerm, .closed, .withdrawn])
    func closeOnlyFromSubmitted(from: RectStatus) {
        let item = F.item(status: from, completion: "已整改", evidence: ["E-1"])
        #expect(F.codes(#expect(throws: RuleViolation.self) {
            try RectLifecycle.apply(.close(note: ""), to: item, by: F.member, on: today)
        }) == ["K-005"])
    }
}
