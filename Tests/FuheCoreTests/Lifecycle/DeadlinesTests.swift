import Testing
@testable import FuheCore

@Suite struct DeadlinesTests {
    typealias F = LifecycleFixtures

    @Test func vector27InProgressPastDeadlineIsOverdue() {
        let s = Deadlines.state(of: F.item(status: .inProgress), today: F.day("2021-07-05"))
        #expect(s == DeadlineState(daysLeft: -5, isOverdue: true, daysOverdue: 5, dueSoon: false))
    }

    @Test func vector28SubmittedBeforeDeadlineIsNotOverdue() {
        let item = F.item(status: .submitted, completion: "已整改", evidence: ["E-1"], submittedOn: "2021-06-28")
        let s = Deadlines.state(of: item, today: F.day("2021-07-03"))
        #expect(!s.isOverdue)
        #expect(s.daysOverdue == 0)
        #expect(s.daysLeft == -3)
        #expect(!s.dueSoon)
    }

    @Test func submittedLateIsOverdueByTheSubmissionDelay() {
        let item = F.item(status: .submitted, completion: "已整改", evidence: ["E-1"], submittedOn: "2021-07-02")
        let s = Deadlines.state(of: item, today: F.day("2021-07-20"))
        #expect(s.isOverdue && s.daysOverdue == 2)
    }

    @Test func onTheDeadlineIsNotYetOverdue() {
        let s = Deadlines.state(of: F.item(), today: F.day("2021-06-30"))
        #expect(s == DeadlineState(daysLeft: 0, isOverdue: false, daysOverdue: 0, dueSoon: true))
        #expect(Deadlines.state(of: F.item(), today: F.day("2021-07-01")).daysOverdue == 1)
    }

    @Test func dueSoonBoundaries() {
        #expect(Deadlines.state(of: F.item(), today: F.day("2021-06-23")).dueSoon)        // 7 days left
        #expect(!Deadlines.state(of: F.item(), today: F.day("2021-06-22")).dueSoon)       // 8 days left
        #expect(Deadlines.state(of: F.item(), today: F.day("2021-06-22"), dueSoonDays: 8).dueSoon)
        #expect(!Deadlines.state(of: F.item(), today: F.day("2021-07-01")).dueSoon)       // overdue
        #expect(!Deadlines.state(of: F.item(status: .closed), today: F.day("2021-06-29")).dueSoon)
    }

    @Test func closedAndWithdrawnAreNeverOverdue() {
        for status in [RectStatus.closed, .withdrawn] {
            let s = Deadlines.state(of: F.item(status: status), today: F.day("2022-01-01"))
            #expect(!s.isOverdue && s.daysOverdue == 0 && !s.dueSoon)
        }
    }

    @Test func longTermOverdueWithoutProgressSinceTheCheckWasSet() {
        let item = F.item(status: .longTerm, rectType: .longTerm, nextCheckOn: "2021-09-30", longTermSince: "2021-07-01",
                          progress: [F.entry("2021-06-20")])
        #expect(!Deadlines.state(of: item, today: F.day("2021-09-30")).isOverdue)
        let late = Deadlines.state(of: item, today: F.day("2021-10-04"))
        #expect(late.isOverdue && late.daysOverdue == 4 && late.daysLeft == -4)
        // Not overdue on its original deadline (2021-06-30) while the check date is ahead.
        let before = Deadlines.state(of: item, today: F.day("2021-09-25"))
        #expect(!before.isOverdue && before.daysLeft == 5 && before.dueSoon)
    }

    @Test func longTermProgressSinceTheCheckWasSetClearsIt() {
        let item = F.item(status: .longTerm, nextCheckOn: "2021-09-30", longTermSince: "2021-07-01",
                          progress: [F.entry("2021-07-01")])
        let s = Deadlines.state(of: item, today: F.day("2021-10-04"))
        #expect(!s.isOverdue)
        #expect(!Deadlines.state(of: item, today: F.day("2021-09-25")).dueSoon)
    }

    @Test func longTermWithoutAnchorCountsProgressFromTheCheckDate() {
        let early = F.item(status: .longTerm, nextCheckOn: "2021-09-30", progress: [F.entry("2021-09-29")])
        #expect(Deadlines.state(of: early, today: F.day("2021-10-01")).isOverdue)
        let onDay = F.item(status: .longTerm, nextCheckOn: "2021-09-30", progress: [F.entry("2021-09-30")])
        #expect(!Deadlines.state(of: onDay, today: F.day("2021-10-01")).isOverdue)
    }

    @Test func defaultDeadlinesLiveHereOnly() {
        #expect(Deadlines.defaultDeadline(for: .immediate, createdOn: F.day("2021-06-28")) == F.day("2021-07-05"))
        #expect(Deadlines.defaultDeadline(for: .deadline, createdOn: F.day("2021-06-28")) == F.day("2021-07-28"))
        #expect(Deadlines.defaultDeadline(for: .longTerm, createdOn: F.day("2021-06-28")) == F.day("2021-09-26"))
        #expect(Deadlines.defaultDeadlinesText == "立行立改7天、限期整改30天、持续整改90天")
        // The next check offered never passes the deadline; an extension adds 30 days.
        let item = F.item(status: .inProgress, deadline: "2021-08-31")
        #expect(Deadlines.defaultNextCheck(for: item, today: F.day("2021-07-01")) == F.day("2021-08-31"))
        #expect(Deadlines.defaultNextCheck(for: item, today: F.day("2021-05-01")) == F.day("2021-07-30"))
        #expect(Deadlines.defaultExtension(of: item) == F.day("2021-09-30"))
    }

    @Test func reportLabels() {
        let early = F.day("2021-06-20"), late = F.day("2021-07-05")
        let done = F.item(status: .closed, completion: "已整改", evidence: ["E-1"], closedBy: "王某")
        #expect(Deadlines.reportLabel(done, today: late) == "已整改")
        #expect(Deadlines.reportLabel(F.item(), today: early) == "未整改")
        #expect(Deadlines.reportLabel(F.item(status: .inProgress), today: early) == "正在整改")
        #expect(Deadlines.reportLabel(F.item(status: .inProgress), today: late) == "未整改")
        let submitted = F.item(status: .submitted, completion: "已整改", evidence: ["E-1"], submittedOn: "2021-06-28")
        #expect(Deadlines.reportLabel(submitted, today: late) == "正在整改")
        let longTerm = F.item(status: .longTerm, nextCheckOn: "2021-09-30", longTermSince: "2021-06-20")
        #expect(Deadlines.reportLabel(longTerm, today: late) == "持续整改")
        #expect(Deadlines.reportLabel(longTerm, today: F.day("2021-10-01")) == "未整改")
        #expect(Deadlines.reportLabel(F.item(status: .withdrawn), today: late) == "已撤销")
    }
}
