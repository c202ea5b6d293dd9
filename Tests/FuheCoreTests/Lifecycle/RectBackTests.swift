import Testing
@testable import FuheCore

/// Back-transitions of §2.4.3 (each needs a reason), withdrawal and deadline extension.
@Suite struct RectBackTests {
    typealias F = LifecycleFixtures
    let today = LifecycleFixtures.day("2021-07-03")

    private func refusal(_ action: RectAction, _ item: RectificationItem, by actor: Actor = LifecycleFixtures.member)
        -> RuleViolation? {
        #expect(throws: RuleViolation.self) { try RectLifecycle.apply(action, to: item, by: actor, on: today) }
    }

    @Test func returnToUnitCountsAndReopensTheDeadline() throws {
        let item = F.item(status: .submitted, completion: "已整改", evidence: ["E-1"], submittedOn: "2021-06-28")
        let t = try RectLifecycle.transition(.returnToUnit(reason: "佐证不足"), of: item, by: F.member, on: today)
        #expect(t.item.status == .inProgress)
        #expect(t.item.returnCount == 1)
        #expect(t.item.submittedOn == nil)
        #expect(t.reason == "佐证不足")
        #expect(t.summary.contains("待销号 → 整改中；原因：佐证不足"))
        // Judged on the original deadline again: overdue on 2021-07-03.
        #expect(Deadlines.state(of: t.item, today: today).daysOverdue == 3)
    }

    @Test func returnNeedsReasonAndSubmittedStatus() {
        let item = F.item(status: .submitted, completion: "已整改", evidence: ["E-1"])
        let blank = refusal(.returnToUnit(reason: "  "), item)
        #expect(F.codes(blank) == ["K-005"])
        #expect(blank?.messages[0].field == "reason")
        #expect(F.codes(refusal(.returnToUnit(reason: "佐证不足"), F.item(status: .inProgress))) == ["K-005"])
    }

    @Test func resumeLeavesLongTerm() throws {
        let item = F.item(status: .longTerm, nextCheckOn: "2021-09-30", longTermSince: "2021-06-01")
        let next = try RectLifecycle.apply(.resume(reason: "诉讼已结案"), to: item, by: F.member, on: today)
        #expect(next.status == .inProgress)
        #expect(next.nextCheckOn == nil)
        #expect(F.codes(refusal(.resume(reason: ""), item)) == ["K-005"])
        #expect(F.codes(refusal(.resume(reason: "诉讼已结案"), F.item(status: .inProgress))) == ["K-005"])
    }

    @Test(arguments: [RectStatus.pending, .inProgress, .longTerm])
    func withdrawFromOpenStatuses(from: RectStatus) throws {
        let t = try RectLifecycle.transition(.withdraw(reason: "单位解释已采纳"), of: F.item(status: from), by: F.member, on: today)
        #expect(t.item.status == .withdrawn)
        #expect(t.from == from)
        #expect(t.reason == "单位解释已采纳")
    }

    @Test func withdrawNeedsReasonAndAnOpenUnsubmittedItem() {
        #expect(F.codes(refusal(.withdraw(reason: ""), F.item())) == ["K-005"])
        for status in [RectStatus.submitted, .closed, .withdrawn] {
            let error = refusal(.withdraw(reason: "单位解释已采纳"), F.item(status: status))
            #expect(F.codes(error) == ["K-005"])
            #expect(error?.messages[0].message.contains("已撤销") == true)
        }
    }

    @Test func reopenClearsTheClosure() throws {
        let item = F.item(status: .closed, completion: "已整改", evidence: ["E-1"], submittedOn: "2021-06-28", closedBy: "王某")
        let next = try RectLifecycle.apply(.reopen(reason: "问题复发"), to: item, by: F.member, on: today)
        #expect(next.status == .inProgress)
        #expect(next.closedBy == nil && next.closedOn == nil && next.submittedOn == nil)
        #expect(next.evidenceIDs == ["E-1"])
        #expect(F.codes(refusal(.reopen(reason: ""), item)) == ["K-005"])
        #expect(F.codes(refusal(.reopen(reason: "问题复发"), F.item(status: .withdrawn))) == ["K-005"])
    }

    @Test(arguments: [RectStatus.closed, .withdrawn, .submitted])
    func progressOnlyOnWorkingItems(from: RectStatus) {
        #expect(F.codes(refusal(.addProgress(F.entry("2021-07-03")), F.item(status: from))) == ["K-005"])
    }

    @Test func extensionIsLogged() throws {
        let t = try RectLifecycle.transition(.extendDeadline(to: F.day("2021-08-31"), reason: "需等待上级批复"),
                                             of: F.item(status: .inProgress), by: F.member, on: today)
        #expect(t.item.deadline == F.day("2021-08-31"))
        #expect(t.item.status == .inProgress && !t.changesStatus)
        #expect(t.item.deadlineHistory == [DeadlineChange(old: F.day("2021-06-30"), new: F.day("2021-08-31"),
                                                          reason: "需等待上级批复", by: "王某", on: today)])
        #expect(!Deadlines.state(of: t.item, today: today).isOverdue)
    }

    @Test func extensionNeedsReasonLaterDateAndOpenItem() {
        #expect(F.codes(refusal(.extendDeadline(to: F.day("2021-08-31"), reason: ""), F.item())) == ["K-005"])
        let earlier = refusal(.extendDeadline(to: F.day("2021-06-30"), reason: "调整"), F.item())
        #expect(F.codes(earlier) == ["K-005"])
        #expect(earlier?.messages[0].field == "deadline")
        let closed = refusal(.extendDeadline(to: F.day("2021-08-31"), reason: "调整"), F.item(status: .closed))
        #expect(F.codes(closed) == ["K-005"])
        #expect(closed?.messages[0].message.contains("已销号") == true)
    }

    @Test func canApplyMirrorsTheGuards() {
        #expect(RectLifecycle.canApply(.withdraw(reason: "已采纳"), to: F.item(), by: F.member, on: today))
        #expect(!RectLifecycle.canApply(.withdraw(reason: ""), to: F.item(), by: F.member, on: today))
    }
}
